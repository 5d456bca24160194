package org.cometmq.common.protocol.heartbeat;

import com.alibaba.fastjson2.annotation.JSONField;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.cometmq.common.filter.ExpressionType;

/**
 * One topic subscription of a consumer group: the expression as written ({@code subString}), and for tag
 * expressions the parsed tags and their {@code String.hashCode()} codes that the broker filters on.
 * Equality ignores {@code subVersion}, so re-subscribing the same expression is not a change.
 */
public class SubscriptionData implements Comparable<SubscriptionData> {
    /** The expression that matches every message. */
    public static final String SUB_ALL = "*";

    private boolean classFilterMode = false;
    private String topic;
    private String subString;
    private Set<String> tagsSet = new HashSet<>();
    private Set<Integer> codeSet = new HashSet<>();
    private long subVersion = System.currentTimeMillis();
    private String expressionType = ExpressionType.TAG;
    private String filterClassSource;

    public SubscriptionData() {
    }

    public SubscriptionData(String topic, String subString) {
        this.topic = topic;
        this.subString = subString;
    }

    @JSONField(serialize = false)
    public String getFilterClassSource() {
        return filterClassSource;
    }

    public void setFilterClassSource(String filterClassSource) {
        this.filterClassSource = filterClassSource;
    }

    public boolean isClassFilterMode() {
        return classFilterMode;
    }

    public void setClassFilterMode(boolean classFilterMode) {
        this.classFilterMode = classFilterMode;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSubString() {
        return subString;
    }

    public void setSubString(String subString) {
        this.subString = subString;
    }

    public Set<String> getTagsSet() {
        return tagsSet;
    }

    public void setTagsSet(Set<String> tagsSet) {
        this.tagsSet = tagsSet;
    }

    public Set<Integer> getCodeSet() {
        return codeSet;
    }

    public void setCodeSet(Set<Integer> codeSet) {
        this.codeSet = codeSet;
    }

    public long getSubVersion() {
        return subVersion;
    }

    public void setSubVersion(long subVersion) {
        this.subVersion = subVersion;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SubscriptionData other)) {
            return false;
        }
        return classFilterMode == other.classFilterMode
            && Objects.equals(topic, other.topic)
            && Objects.equals(subString, other.subString)
            && Objects.equals(tagsSet, other.tagsSet)
            && Objects.equals(codeSet, other.codeSet)
            && Objects.equals(expressionType, other.expressionType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classFilterMode, topic, subString, tagsSet, codeSet, expressionType);
    }

    @Override
    public int compareTo(SubscriptionData other) {
        String mine = topic + "@" + subString;
        String theirs = other.topic + "@" + other.subString;
        return mine.compareTo(theirs);
    }

    @Override
    public String toString() {
        return "SubscriptionData [classFilterMode=" + classFilterMode + ", topic=" + topic + ", subString=" + subString
            + ", tagsSet=" + tagsSet + ", codeSet=" + codeSet + ", subVersion=" + subVersion
            + ", expressionType=" + expressionType + "]";
    }
}
