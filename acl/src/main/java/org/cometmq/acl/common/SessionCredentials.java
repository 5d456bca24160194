package org.cometmq.acl.common;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Properties;

/**
 * The access key, secret key and optional security token a client signs with. The no-argument constructor reads
 * them (keys {@code AccessKey}, {@code SecretKey}, {@code SecurityToken}) from the properties file named by the JVM
 * property {@value #KEY_FILE}, default {@code ${user.home}/key}, when it exists.
 */
public class SessionCredentials {
    public static final String ACCESS_KEY = AclConstants.ACCESS_KEY;
    public static final String SECRET_KEY = AclConstants.SECRET_KEY;
    public static final String SIGNATURE = AclConstants.SIGNATURE;
    public static final String SECURITY_TOKEN = AclConstants.SECURITY_TOKEN;
    public static final String KEY_FILE = "rocketmq.client.keyFile";

    private String accessKey;
    private String secretKey;
    private String securityToken;
    private String signature;

    public SessionCredentials() {
        String keyFile = System.getProperty(KEY_FILE, System.getProperty("user.home") + File.separator + "key");
        File file = new File(keyFile);
        if (file.isFile()) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file.toPath())) {
                properties.load(in);
                updateContent(properties);
            } catch (IOException e) {
                throw new AclException("cannot read the client key file " + keyFile + ": " + e.getMessage(), e);
            }
        }
    }

    public SessionCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public SessionCredentials(String accessKey, String secretKey, String securityToken) {
        this(accessKey, secretKey);
        this.securityToken = securityToken;
    }

    /** Takes the keys present in {@code properties}, trimmed. */
    public void updateContent(Properties properties) {
        String ak = properties.getProperty(ACCESS_KEY);
        if (ak != null) {
            this.accessKey = ak.trim();
        }
        String sk = properties.getProperty(SECRET_KEY);
        if (sk != null) {
            this.secretKey = sk.trim();
        }
        String token = properties.getProperty(SECURITY_TOKEN);
        if (token != null) {
            this.securityToken = token.trim();
        }
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionCredentials)) {
            return false;
        }
        SessionCredentials that = (SessionCredentials) o;
        return Objects.equals(accessKey, that.accessKey) && Objects.equals(secretKey, that.secretKey)
            && Objects.equals(securityToken, that.securityToken) && Objects.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, securityToken, signature);
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "SessionCredentials [accessKey=" + accessKey + ", signature=" + signature + ", SecurityToken="
            + (securityToken == null ? null : "***") + "]";
    }
}
