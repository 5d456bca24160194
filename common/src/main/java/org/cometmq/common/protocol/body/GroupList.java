package org.cometmq.common.protocol.body;

import java.util.HashSet;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** A set of group names: {@code {"groupList":["cg"]}} (QUERY_TOPIC_CONSUME_BY_WHO). */
public class GroupList extends RemotingSerializable {
    private HashSet<String> groupList = new HashSet<>();

    public HashSet<String> getGroupList() {
        return groupList;
    }

    public void setGroupList(HashSet<String> groupList) {
        this.groupList = groupList;
    }
}
