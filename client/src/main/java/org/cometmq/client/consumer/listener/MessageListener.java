package org.cometmq.client.consumer.listener;

/** Marker of the two listener kinds a push consumer accepts: concurrently and orderly. */
public interface MessageListener {
}
