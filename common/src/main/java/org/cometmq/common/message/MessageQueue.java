package org.cometmq.common.message;

import java.io.Serializable;
import java.util.Objects;

/** One queue of a topic on one broker; ordered by topic, broker name, then queue id. */
public class MessageQueue implements Comparable<MessageQueue>, Serializable {
    private static final long serialVersionUID = 6191200464116433425L;

    private String topic;
    private String brokerName;
    private int queueId;

    public MessageQueue() {
    }

    public MessageQueue(MessageQueue other) {
        this(other.topic, other.brokerName, other.queueId);
    }

    public MessageQueue(String topic, String brokerName, int queueId) {
        this.topic = topic;
        this.brokerName = brokerName;
        this.queueId = queueId;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    @Override
    public int hashCode() {
        final int prime = 31;
        int result = 1;
        result = prime * result + (brokerName == null ? 0 : brokerName.hashCode());
        result = prime * result + queueId;
        result = prime * result + (topic == null ? 0 : topic.hashCode());
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof MessageQueue)) {
            return false;
        }
        MessageQueue other = (MessageQueue) obj;
        return queueId == other.queueId && Objects.equals(topic, other.topic)
            && Objects.equals(brokerName, other.brokerName);
    }

    /** Exactly {@code MessageQueue [topic=T, brokerName=B, queueId=N]}: the consistent-hash allocator hashes it. */
    @Override
    public String toString() {
        return "MessageQueue [topic=" + topic + ", brokerName=" + brokerName + ", queueId=" + queueId + "]";
    }

    @Override
    public int compareTo(MessageQueue o) {
        int result = compareNullable(this.topic, o.topic);
        if (result != 0) {
            return result;
        }
        result = compareNullable(this.brokerName, o.brokerName);
        if (result != 0) {
            return result;
        }
        return Integer.compare(this.queueId, o.queueId);
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
