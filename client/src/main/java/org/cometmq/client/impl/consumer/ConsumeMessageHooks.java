package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The consume hooks registered on one consumer. A hook that throws is logged; consumption goes on. */
public final class ConsumeMessageHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageHooks.class);

    private final List<ConsumeMessageHook> hooks = new CopyOnWriteArrayList<>();

    public void register(ConsumeMessageHook hook) {
        hooks.add(hook);
        LOG.info("registered consume message hook {}", hook.hookName());
    }

    public boolean hasHook() {
        return !hooks.isEmpty();
    }

    public void executeBefore(ConsumeMessageContext context) {
        for (ConsumeMessageHook hook : hooks) {
            try {
                hook.consumeMessageBefore(context);
            } catch (Throwable e) {
                LOG.warn("consume message hook {} failed before consuming", hook.hookName(), e);
            }
        }
    }

    public void executeAfter(ConsumeMessageContext context) {
        for (ConsumeMessageHook hook : hooks) {
            try {
                hook.consumeMessageAfter(context);
            } catch (Throwable e) {
                LOG.warn("consume message hook {} failed after consuming", hook.hookName(), e);
            }
        }
    }

    /**
     * A pull consumer hands a pull result to the application, so the hooks see it as consumed at once: before,
     * then after with CONSUME_SUCCESS (as 4.9 pull consumers report it).
     */
    void aroundPull(String namespace, String group, MessageQueue mq, PullResult result, AccessChannel channel) {
        if (!hasHook()) {
            return;
        }
        ConsumeMessageContext context = new ConsumeMessageContext();
        context.setNamespace(namespace);
        context.setConsumerGroup(group);
        context.setMq(mq);
        context.setMsgList(result.getMsgFoundList());
        context.setSuccess(false);
        executeBefore(context);
        context.setStatus(ConsumeConcurrentlyStatus.CONSUME_SUCCESS.toString());
        context.setSuccess(true);
        context.setAccessChannel(channel);
        executeAfter(context);
    }
}
