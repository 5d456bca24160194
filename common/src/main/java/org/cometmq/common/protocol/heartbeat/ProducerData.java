package org.cometmq.common.protocol.heartbeat;

import java.util.Objects;

/** One producer group of a client, as announced in its heartbeat. */
public class ProducerData {
    private String groupName;

    public ProducerData() {
    }

    public ProducerData(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerData other && Objects.equals(groupName, other.groupName);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(groupName);
    }

    @Override
    public String toString() {
        return "ProducerData [groupName=" + groupName + "]";
    }
}
