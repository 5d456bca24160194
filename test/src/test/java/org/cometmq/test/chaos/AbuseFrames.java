package org.cometmq.test.chaos;

import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;

/**
 * Frames for the live-port abuse test, built with Apache 4.9.7's codec and then damaged: well-formed requests with
 * known and unknown codes, the same with bytes flipped anywhere (the length prefix included), random bytes behind a
 * plausible length, and lengths far beyond any frame limit.
 */
final class AbuseFrames {
    private static final int[] CODES = {10, 11, 14, 15, 17, 21, 25, 26, 28, 34, 36, 38, 41, 105, 310, 320, 9999, -1};

    private final Random random;

    AbuseFrames(long seed) {
        random = new Random(seed);
    }

    byte[] next() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return wellFormed();
        }
        if (kind < 7) {
            return flipped(wellFormed());
        }
        if (kind < 9) {
            return randomBody();
        }
        return oversize();
    }

    private byte[] wellFormed() {
        RemotingCommand request = RemotingCommand.createRequestCommand(CODES[random.nextInt(CODES.length)], null);
        if (random.nextBoolean()) {
            request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        }
        if (random.nextBoolean()) {
            request.addExtField("topic", "Abuse" + random.nextInt(1000));
            request.addExtField("consumerGroup", "g\u0000\u00ff" + random.nextInt());
        }
        if (random.nextBoolean()) {
            byte[] body = new byte[random.nextInt(512)];
            random.nextBytes(body);
            request.setBody(body);
        }
        ByteBuffer encoded = request.encode();
        byte[] frame = new byte[encoded.remaining()];
        encoded.get(frame);
        return frame;
    }

    private byte[] flipped(byte[] frame) {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            frame[random.nextInt(frame.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return frame;
    }

    private byte[] randomBody() {
        int length = random.nextInt(300);
        byte[] frame = new byte[4 + length];
        random.nextBytes(frame);
        ByteBuffer.wrap(frame).putInt(length);
        return frame;
    }

    private byte[] oversize() {
        byte[] frame = new byte[16];
        random.nextBytes(frame);
        ByteBuffer.wrap(frame).putInt(Integer.MAX_VALUE - random.nextInt(1000));
        return frame;
    }
}
