package org.cometmq.namesrv.processor;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.MQVersion;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Turns a REGISTER_BROKER body into a {@link RegisterBrokerBody}: checks the CRC when the broker sent one,
 * reads the JSON or compressed form, and accepts the bare topic wrapper that brokers older than 3.0.11 send.
 */
final class RegisterBodyReader {
    private static final int FILTER_SERVER_VERSION = MQVersion.Version.V3_0_11.ordinal();

    private RegisterBodyReader() {
    }

    /** Thrown for a body that fails its CRC or does not decode; the message is the remark for the broker. */
    static final class BadRegisterBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRegisterBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static RegisterBrokerBody read(RegisterBrokerRequestHeader header, byte[] body, int requestVersion)
        throws BadRegisterBodyException {
        int expectedCrc = header.getBodyCrc32() == null ? 0 : header.getBodyCrc32();
        if (expectedCrc != 0 && UtilAll.crc32(body) != expectedCrc) {
            throw new BadRegisterBodyException("crc32 not match", null);
        }
        if (body == null || body.length == 0) {
            return emptyBody();
        }
        try {
            if (!header.isCompressed() && requestVersion < FILTER_SERVER_VERSION && isLegacyWrapper(body)) {
                RegisterBrokerBody registerBody = new RegisterBrokerBody();
                registerBody.setTopicConfigSerializeWrapper(
                    RemotingSerializable.decode(body, TopicConfigSerializeWrapper.class));
                registerBody.setFilterServerList(null);
                return registerBody;
            }
            return RegisterBrokerBody.decode(body, header.isCompressed());
        } catch (IOException | RuntimeException e) {
            throw new BadRegisterBodyException("Failed to decode RegisterBrokerBody from " + header.getBrokerAddr()
                + " (compressed=" + header.isCompressed() + ", " + body.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** A registration without body: no topics, version (0, 0). */
    private static RegisterBrokerBody emptyBody() {
        RegisterBrokerBody registerBody = new RegisterBrokerBody();
        registerBody.getTopicConfigSerializeWrapper().getDataVersion().setCounter(new AtomicLong(0));
        registerBody.getTopicConfigSerializeWrapper().getDataVersion().setTimestamp(0);
        return registerBody;
    }

    private static boolean isLegacyWrapper(byte[] body) {
        JSONObject root = JSON.parseObject(new String(body, StandardCharsets.UTF_8));
        return root != null && !root.containsKey("topicConfigSerializeWrapper") && root.containsKey("topicConfigTable");
    }
}
