package org.cometmq.namesrv.routeinfo;

import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;

/** Builders for topic tables and data versions used by the route tests. */
public final class RouteFixtures {
    private RouteFixtures() {
    }

    public static DataVersion version(long timestamp, long counter) {
        DataVersion dataVersion = new DataVersion();
        dataVersion.setTimestamp(timestamp);
        dataVersion.setCounter(new AtomicLong(counter));
        return dataVersion;
    }

    /** A wrapper holding {@code topics} (perm 6, sys flag 0) with {@code queues} read and write queues. */
    public static TopicConfigSerializeWrapper wrapper(DataVersion dataVersion, int queues, String... topics) {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setDataVersion(dataVersion);
        for (String topic : topics) {
            wrapper.getTopicConfigTable().put(topic, new TopicConfig(topic, queues, queues, 6));
        }
        return wrapper;
    }

    public static TopicConfigSerializeWrapper wrapper(DataVersion dataVersion, TopicConfig... topics) {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setDataVersion(dataVersion);
        for (TopicConfig topic : topics) {
            wrapper.getTopicConfigTable().put(topic.getTopicName(), topic);
        }
        return wrapper;
    }
}
