package org.cometmq.remoting.netty;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * A self-signed RSA certificate for TLS test mode, built with the JDK alone (Netty's generator needs BouncyCastle
 * or JDK internals that Java 17 closes): an X.509 v1 certificate, {@code CN=cometmq}, SHA256withRSA, valid a year.
 */
final class SelfSignedCertificates {
    private static final byte SEQUENCE = 0x30;
    private static final byte SET = 0x31;
    private static final byte INTEGER = 0x02;
    private static final byte BIT_STRING = 0x03;
    private static final byte NULL = 0x05;
    private static final byte OID = 0x06;
    private static final byte UTF8_STRING = 0x0c;
    private static final byte UTC_TIME = 0x17;
    /** 1.2.840.113549.1.1.11 sha256WithRSAEncryption. */
    private static final byte[] SHA256_WITH_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 1, 11};
    /** 2.5.4.3 commonName. */
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final long VALIDITY_MILLIS = 365L * 24 * 3600 * 1000;

    record Pair(KeyPair keyPair, X509Certificate certificate) {
    }

    private SelfSignedCertificates() {
    }

    static Pair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair keyPair = generator.generateKeyPair();
        byte[] algorithm = tlv(SEQUENCE, concat(tlv(OID, SHA256_WITH_RSA), tlv(NULL, new byte[0])));
        byte[] name = tlv(SEQUENCE, tlv(SET, tlv(SEQUENCE, concat(tlv(OID, COMMON_NAME),
            tlv(UTF8_STRING, "cometmq".getBytes(StandardCharsets.UTF_8))))));
        long now = System.currentTimeMillis();
        byte[] validity = tlv(SEQUENCE, concat(utcTime(now - 60_000), utcTime(now + VALIDITY_MILLIS)));
        byte[] serial = tlv(INTEGER, BigInteger.valueOf(now).toByteArray());
        byte[] tbs = tlv(SEQUENCE, concat(serial, algorithm, name, validity, name, keyPair.getPublic().getEncoded()));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keyPair.getPrivate());
        signer.update(tbs);
        byte[] signature = concat(new byte[] {0}, signer.sign());
        byte[] der = tlv(SEQUENCE, concat(tbs, algorithm, tlv(BIT_STRING, signature)));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
        return new Pair(keyPair, certificate);
    }

    private static byte[] utcTime(long millis) {
        SimpleDateFormat format = new SimpleDateFormat("yyMMddHHmmss'Z'");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return tlv(UTC_TIME, format.format(new Date(millis)).getBytes(StandardCharsets.US_ASCII));
    }

    /** DER tag-length-value. */
    private static byte[] tlv(byte tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
