package org.cometmq.client.producer;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingCommand;

/** A producer wired to a {@link FakeRemotingClient} instead of the network. */
final class ProducerTestSupport {
    static final String BROKER_A = "127.0.0.1:10911";
    static final String BROKER_B = "127.0.0.1:10921";

    private ProducerTestSupport() {
    }

    static MQClientInstance instance(FakeRemotingClient remoting) {
        return instance(remoting, Clock.systemUTC());
    }

    /** A client instance whose time decisions read {@code clock}. */
    static MQClientInstance instance(FakeRemotingClient remoting, Clock clock) {
        ClientConfig config = new ClientConfig();
        config.setNamesrvAddr("127.0.0.1:9876");
        return new MQClientInstance(config, 0, "127.0.0.1@test", remoting, clock);
    }

    static <P extends DefaultMQProducer> P started(P producer, MQClientInstance instance) throws Exception {
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.getDefaultMQProducerImpl().startWithFactory(instance);
        return producer;
    }

    static RemotingCommand routeResponse(TopicRouteData route) {
        RemotingCommand ok = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        ok.setBody(route.encode());
        return ok;
    }

    static RemotingCommand topicNotExist() {
        return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST, "No topic route info");
    }

    /** A broker that stores everything: answers SUCCESS with the request's queue and increasing offsets. */
    static FakeRemotingClient.Handler storingBroker(int storeHostPort, AtomicLong offsets) {
        return request -> {
            if (request.getCode() != RequestCode.SEND_MESSAGE_V2 && request.getCode() != RequestCode.SEND_BATCH_MESSAGE
                && request.getCode() != RequestCode.SEND_MESSAGE) {
                return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
            }
            RemotingCommand response = RemotingCommand.createResponseCommand(SendMessageResponseHeader.class);
            response.setCode(ResponseCode.SUCCESS);
            SendMessageResponseHeader h = (SendMessageResponseHeader) response.readCustomHeader();
            long offset = offsets.getAndIncrement();
            h.setMsgId(String.format("7F000001%08X%016X", storeHostPort, 1000 + offset));
            String queueId = request.getExtFields() != null ? request.getExtFields().get("e") : null;
            h.setQueueId(queueId != null ? Integer.parseInt(queueId) : decodedQueueId(request));
            h.setQueueOffset(offset);
            response.makeCustomHeaderToNet();
            return response;
        };
    }

    private static int decodedQueueId(RemotingCommand request) throws Exception {
        request.makeCustomHeaderToNet();
        return Integer.parseInt(request.getExtFields().get("e"));
    }

    static RemotingCommand brokerError(int code) {
        return RemotingCommand.createResponseCommand(code, "refused with " + code);
    }
}
