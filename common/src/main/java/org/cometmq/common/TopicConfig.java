package org.cometmq.common;

import java.util.Objects;
import org.cometmq.common.constant.PermName;

/**
 * A topic as a broker declares it: queue counts, permission, tag filter type, sys flag and order flag.
 * {@link #encode()} / {@link #decode(String)} give the space-separated text used in compressed registrations
 * ({@code topicName readQueueNums writeQueueNums perm topicFilterType}).
 */
public class TopicConfig {
    public static final String SEPARATOR = " ";
    private static final int defaultReadQueueNums = 16;
    private static final int defaultWriteQueueNums = 16;

    private String topicName;
    private int readQueueNums = defaultReadQueueNums;
    private int writeQueueNums = defaultWriteQueueNums;
    private int perm = PermName.PERM_READ | PermName.PERM_WRITE;
    private TopicFilterType topicFilterType = TopicFilterType.SINGLE_TAG;
    private int topicSysFlag = 0;
    private boolean order = false;

    public TopicConfig() {
    }

    public TopicConfig(String topicName) {
        this.topicName = topicName;
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        this.topicName = topicName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
        this(topicName, readQueueNums, writeQueueNums, perm);
        this.topicSysFlag = topicSysFlag;
    }

    /** The compressed-registration text form; it omits topicSysFlag and order. */
    public String encode() {
        return topicName + SEPARATOR + readQueueNums + SEPARATOR + writeQueueNums + SEPARATOR + perm
            + SEPARATOR + topicFilterType;
    }

    /**
     * Reads the text form written by {@link #encode()}.
     *
     * @return false (and this object unchanged) when the text has fewer than 5 parts or a part does not parse
     */
    public boolean decode(String in) {
        if (in == null) {
            return false;
        }
        String[] parts = in.split(SEPARATOR);
        if (parts.length < 5) {
            return false;
        }
        try {
            int read = Integer.parseInt(parts[1]);
            int write = Integer.parseInt(parts[2]);
            int permission = Integer.parseInt(parts[3]);
            TopicFilterType filterType = TopicFilterType.valueOf(parts[4]);
            this.topicName = parts[0];
            this.readQueueNums = read;
            this.writeQueueNums = write;
            this.perm = permission;
            this.topicFilterType = filterType;
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(int readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(int writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public void setPerm(int perm) {
        this.perm = perm;
    }

    public TopicFilterType getTopicFilterType() {
        return topicFilterType;
    }

    public void setTopicFilterType(TopicFilterType topicFilterType) {
        this.topicFilterType = topicFilterType;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public boolean isOrder() {
        return order;
    }

    public void setOrder(boolean order) {
        this.order = order;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicConfig)) {
            return false;
        }
        TopicConfig that = (TopicConfig) o;
        return readQueueNums == that.readQueueNums && writeQueueNums == that.writeQueueNums && perm == that.perm
            && topicSysFlag == that.topicSysFlag && order == that.order
            && Objects.equals(topicName, that.topicName) && topicFilterType == that.topicFilterType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    @Override
    public String toString() {
        return "TopicConfig [topicName=" + topicName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + PermName.perm2String(perm) + ", topicFilterType=" + topicFilterType
            + ", topicSysFlag=" + topicSysFlag + ", order=" + order + "]";
    }
}
