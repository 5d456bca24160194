package org.cometmq.common.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.cometmq.common.MixAll;

/**
 * Several messages of one topic sent in one SEND_BATCH_MESSAGE request; its body is their batch encoding.
 */
public class MessageBatch extends Message implements Iterable<Message> {
    private static final long serialVersionUID = 621335151046335557L;

    private final List<Message> messages;

    public MessageBatch(List<Message> messages) {
        this.messages = messages;
    }

    public List<Message> getMessages() {
        return messages;
    }

    /** The batch body (section 6.6 of the spec): each message's encoding, concatenated. */
    public byte[] encode() {
        return MessageDecoder.encodeMessages(messages);
    }

    @Override
    public Iterator<Message> iterator() {
        return messages.iterator();
    }

    /**
     * Builds a batch from messages that share one topic and one waitStoreMsgOK value, with no delay level
     * and not for a retry topic.
     *
     * @throws IllegalArgumentException naming the rule a message breaks, or when the collection is empty
     */
    public static MessageBatch generateFromList(Collection<? extends Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("A message batch needs at least one message");
        }
        List<Message> messageList = new ArrayList<>(messages.size());
        Message first = null;
        for (Message message : messages) {
            if (message.getDelayTimeLevel() > 0) {
                throw new IllegalArgumentException("TimeDelayLevel is not supported for batching");
            }
            if (message.getTopic() != null && message.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                throw new IllegalArgumentException("Retry Group is not supported for batching");
            }
            if (first == null) {
                first = message;
            } else {
                if (!Objects.equals(first.getTopic(), message.getTopic())) {
                    throw new IllegalArgumentException("The topic of the messages in one batch should be the same");
                }
                if (first.isWaitStoreMsgOK() != message.isWaitStoreMsgOK()) {
                    throw new IllegalArgumentException(
                        "The waitStoreMsgOK of the messages in one batch should the same");
                }
            }
            messageList.add(message);
        }
        MessageBatch messageBatch = new MessageBatch(messageList);
        messageBatch.setTopic(first.getTopic());
        messageBatch.setWaitStoreMsgOK(first.isWaitStoreMsgOK());
        return messageBatch;
    }
}
