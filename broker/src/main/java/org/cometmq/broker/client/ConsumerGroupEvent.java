package org.cometmq.broker.client;

/** What happened to a consumer group's membership or subscriptions. */
public enum ConsumerGroupEvent {
    /** Its set of clients changed: tell the remaining clients to rebalance. */
    CHANGE,
    /** Its last client left. */
    UNREGISTER,
    /** A client registered or refreshed its subscriptions. */
    REGISTER
}
