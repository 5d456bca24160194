package org.cometmq.client.consumer.listener;

import java.util.List;
import org.cometmq.common.message.MessageExt;

/** Consumes the messages of each queue one batch at a time, in queue order. */
public interface MessageListenerOrderly extends MessageListener {

    /**
     * @return {@link ConsumeOrderlyStatus#SUCCESS}, or {@link ConsumeOrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}
     *     to retry the same messages after a pause; throwing counts as a suspend
     */
    ConsumeOrderlyStatus consumeMessage(List<MessageExt> msgs, ConsumeOrderlyContext context);
}
