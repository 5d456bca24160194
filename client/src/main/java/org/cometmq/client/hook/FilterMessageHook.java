package org.cometmq.client.hook;

/** Sees the messages of every found pull result after tag filtering, before they reach the application. */
public interface FilterMessageHook {
    String hookName();

    void filterMessage(FilterMessageContext context);
}
