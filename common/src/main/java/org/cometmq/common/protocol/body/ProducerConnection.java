package org.cometmq.common.protocol.body;

import java.util.HashSet;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** GET_PRODUCER_CONNECTION_LIST body: the live connections of a producer group. */
public class ProducerConnection extends RemotingSerializable {
    private HashSet<Connection> connectionSet = new HashSet<>();

    public HashSet<Connection> getConnectionSet() {
        return connectionSet;
    }

    public void setConnectionSet(HashSet<Connection> connectionSet) {
        this.connectionSet = connectionSet;
    }
}
