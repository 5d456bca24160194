package org.cometmq.common.consistenthash;

/** A member of a consistent-hash ring, identified by its key. */
public interface Node {

    /** The identity hashed onto the ring. */
    String getKey();
}
