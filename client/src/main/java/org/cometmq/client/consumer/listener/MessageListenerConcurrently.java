package org.cometmq.client.consumer.listener;

import java.util.List;
import org.cometmq.common.message.MessageExt;

/** Consumes messages on many threads at once, without order between them. */
public interface MessageListenerConcurrently extends MessageListener {

    /**
     * @param msgs at most {@code consumeMessageBatchMaxSize} messages of one queue
     * @return {@link ConsumeConcurrentlyStatus#CONSUME_SUCCESS}, or {@link ConsumeConcurrentlyStatus#RECONSUME_LATER}
     *     to have the messages after {@code context.ackIndex} delivered again later; throwing counts as
     *     RECONSUME_LATER
     */
    ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context);
}
