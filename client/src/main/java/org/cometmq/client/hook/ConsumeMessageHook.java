package org.cometmq.client.hook;

/** Called by consumers around every listener call (push) and every found pull result (pull consumers). */
public interface ConsumeMessageHook {
    String hookName();

    void consumeMessageBefore(ConsumeMessageContext context);

    /** After the listener returned; the context carries the status and whether it counts as success. */
    void consumeMessageAfter(ConsumeMessageContext context);
}
