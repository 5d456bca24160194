package org.cometmq.client.impl;

/** How a request is sent: wait for the answer, get it through a callback, or expect none. */
public enum CommunicationMode {
    SYNC,
    ASYNC,
    ONEWAY,
}
