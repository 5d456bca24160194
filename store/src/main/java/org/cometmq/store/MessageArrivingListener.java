package org.cometmq.store;

import java.util.Map;

/** Told about every message dispatched to a consume queue; the broker wakes held pulls with it. */
public interface MessageArrivingListener {

    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long msgStoreTime,
                  byte[] filterBitMap, Map<String, String> properties);
}
