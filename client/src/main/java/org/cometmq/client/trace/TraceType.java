package org.cometmq.client.trace;

/** The kind of a trace record; the ordinal is not written, the name is (as the record's first field). */
public enum TraceType {
    /** A message was sent. */
    Pub,
    /** A consumer is about to hand messages to its listener. */
    SubBefore,
    /** The listener returned. */
    SubAfter,
    /** A transaction outcome was reported. */
    EndTransaction,
}
