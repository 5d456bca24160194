package org.cometmq.client.impl.consumer;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeReturnType;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;

/**
 * One listener call of a push consumer as its consume hooks see it: {@link #begin} before the listener runs,
 * {@link #end} with the outcome. Does nothing when the consumer has no hook.
 */
final class ConsumeHookCall {
    private final ConsumeMessageHooks hooks;
    private final DefaultMQPushConsumer consumer;
    private final ConsumeMessageContext context;
    private final Clock clock;
    private final long begin;
    private boolean threw;

    private ConsumeHookCall(ConsumeMessageHooks hooks, DefaultMQPushConsumer consumer,
        ConsumeMessageContext context, Clock clock) {
        this.hooks = hooks;
        this.consumer = consumer;
        this.context = context;
        this.clock = clock;
        this.begin = clock.millis();
    }

    /** {@code clock} times the listener call, which counts as TIME_OUT once it took consumeTimeout. */
    static ConsumeHookCall begin(ConsumeMessageHooks hooks, Clock clock, DefaultMQPushConsumer consumer,
        List<MessageExt> msgs, MessageQueue mq) {
        if (!hooks.hasHook()) {
            return new ConsumeHookCall(hooks, consumer, null, clock);
        }
        ConsumeMessageContext context = new ConsumeMessageContext();
        context.setNamespace(consumer.getNamespace());
        context.setConsumerGroup(consumer.getConsumerGroup());
        context.setProps(new HashMap<>());
        context.setMq(mq);
        context.setMsgList(msgs);
        context.setSuccess(false);
        hooks.executeBefore(context);
        return new ConsumeHookCall(hooks, consumer, context, clock);
    }

    /** The listener threw (its status then counts as none). */
    void threw() {
        threw = true;
    }

    /**
     * @param returned      what the listener returned, null when it threw or returned nothing
     * @param failureStatus whether {@code returned} asks for a retry or a pause
     * @param effective     the status the consumer acts on
     * @param success       whether the batch counts as consumed
     */
    void end(Enum<?> returned, boolean failureStatus, Enum<?> effective, boolean success) {
        if (context == null) {
            return;
        }
        long consumeTimeoutMillis = TimeUnit.MINUTES.toMillis(consumer.getConsumeTimeout());
        ConsumeReturnType type;
        if (returned == null) {
            type = threw ? ConsumeReturnType.EXCEPTION : ConsumeReturnType.RETURNNULL;
        } else if (clock.millis() - begin >= consumeTimeoutMillis) {
            type = ConsumeReturnType.TIME_OUT;
        } else if (failureStatus) {
            type = ConsumeReturnType.FAILED;
        } else {
            type = ConsumeReturnType.SUCCESS;
        }
        context.getProps().put(MixAll.CONSUME_CONTEXT_TYPE, type.name());
        context.setStatus(effective.toString());
        context.setSuccess(success);
        context.setAccessChannel(consumer.getAccessChannel());
        hooks.executeAfter(context);
    }
}
