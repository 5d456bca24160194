package org.cometmq.client.hook;

/** Called by the producer around every send attempt (see {@code DefaultMQProducerImpl#registerSendMessageHook}). */
public interface SendMessageHook {
    String hookName();

    /** Before the request leaves; the context carries the message, queue, broker address and mode. */
    void sendMessageBefore(SendMessageContext context);

    /**
     * After the attempt: with the send result, or with the exception that ended it. An async send reports once
     * with no result when the request has left and again with the result when the answer arrives.
     */
    void sendMessageAfter(SendMessageContext context);
}
