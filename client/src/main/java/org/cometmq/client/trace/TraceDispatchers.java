package org.cometmq.client.trace;

import org.cometmq.client.AccessChannel;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.DefaultLitePullConsumerImpl;
import org.cometmq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.cometmq.client.impl.producer.DefaultMQProducerImpl;
import org.cometmq.client.trace.hook.ConsumeMessageTraceHookImpl;
import org.cometmq.client.trace.hook.EndTransactionTraceHookImpl;
import org.cometmq.client.trace.hook.SendMessageTraceHookImpl;
import org.cometmq.remoting.RPCHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Switches message trace on for a client: a dispatcher and the trace hooks on the client's engine. */
public final class TraceDispatchers {
    private static final Logger LOG = LoggerFactory.getLogger(TraceDispatchers.class);

    private TraceDispatchers() {
    }

    /** Traces a producer's sends (Pub) and transaction outcomes (EndTransaction). */
    public static AsyncTraceDispatcher forProducer(DefaultMQProducerImpl producerImpl, String group,
        String customizedTraceTopic, RPCHook rpcHook) {
        AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher(group, TraceDispatcher.Type.PRODUCE,
            customizedTraceTopic, rpcHook);
        dispatcher.setHostProducer(producerImpl);
        producerImpl.registerSendMessageHook(new SendMessageTraceHookImpl(dispatcher));
        producerImpl.registerEndTransactionHook(new EndTransactionTraceHookImpl(dispatcher));
        return dispatcher;
    }

    /** Traces a push consumer's listener calls (SubBefore, SubAfter). */
    public static AsyncTraceDispatcher forPushConsumer(DefaultMQPushConsumerImpl consumerImpl, String group,
        String customizedTraceTopic, RPCHook rpcHook) {
        AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher(group, TraceDispatcher.Type.CONSUME,
            customizedTraceTopic, rpcHook);
        dispatcher.setHostConsumer(consumerImpl);
        consumerImpl.registerConsumeMessageHook(new ConsumeMessageTraceHookImpl(dispatcher));
        return dispatcher;
    }

    /** Traces a lite pull consumer's found pull results (SubBefore, SubAfter). */
    public static AsyncTraceDispatcher forLitePullConsumer(DefaultLitePullConsumerImpl consumerImpl, String group,
        String customizedTraceTopic, RPCHook rpcHook) {
        AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher(group, TraceDispatcher.Type.CONSUME,
            customizedTraceTopic, rpcHook);
        consumerImpl.registerConsumeMessageHook(new ConsumeMessageTraceHookImpl(dispatcher));
        return dispatcher;
    }

    /** Starts a client's dispatcher after the client started; a failure costs the traces, not the client. */
    public static void start(TraceDispatcher dispatcher, String nameSrvAddr, AccessChannel accessChannel) {
        if (dispatcher == null) {
            return;
        }
        try {
            dispatcher.start(nameSrvAddr, accessChannel);
        } catch (MQClientException e) {
            LOG.warn("trace dispatcher start failed, the client runs without message trace", e);
        }
    }
}
