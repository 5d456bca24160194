package org.cometmq.common.consistenthash;

/** Maps a key to a position on a consistent-hash ring. */
public interface HashFunction {

    long hash(String key);
}
