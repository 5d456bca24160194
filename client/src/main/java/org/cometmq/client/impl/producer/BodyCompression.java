package org.cometmq.client.impl.producer;

import java.io.IOException;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageBatch;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses large message bodies before sending. Only zlib is built in: the JVM property
 * {@code rocketmq.message.compressType} may name it ({@code ZLIB}, the default); other types fall back to zlib.
 * The level comes from {@code rocketmq.message.compressLevel} (default 5).
 */
public final class BodyCompression {
    private static final Logger LOG = LoggerFactory.getLogger(BodyCompression.class);
    /** sysFlag bits of a zlib-compressed body: COMPRESSED_FLAG | COMPRESSION_ZLIB_TYPE = 0x301. */
    public static final int ZLIB_FLAGS = MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;

    private static final int LEVEL = Integer.parseInt(System.getProperty(MixAll.MESSAGE_COMPRESS_LEVEL, "5"));

    static {
        String type = System.getProperty(MixAll.MESSAGE_COMPRESS_TYPE, "ZLIB");
        if (!"ZLIB".equalsIgnoreCase(type)) {
            LOG.warn("{}={} is not available in this client; message bodies are compressed with ZLIB",
                MixAll.MESSAGE_COMPRESS_TYPE, type);
        }
    }

    private BodyCompression() {
    }

    /**
     * Replaces the body of a non-batch message of at least {@code threshold} bytes with its zlib form and returns
     * the sysFlag bits to add (0 when the body stays as it is).
     */
    public static int compressIfLarge(Message msg, int threshold) {
        byte[] body = msg.getBody();
        if (msg instanceof MessageBatch || body == null || body.length < threshold) {
            return 0;
        }
        try {
            msg.setBody(UtilAll.compress(body, LEVEL));
            return ZLIB_FLAGS;
        } catch (IOException e) {
            LOG.warn("body of {} bytes not compressed, sent as is: {}", body.length, e.toString());
            return 0;
        }
    }
}
