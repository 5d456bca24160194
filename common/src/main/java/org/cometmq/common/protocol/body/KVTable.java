package org.cometmq.common.protocol.body;

import java.util.HashMap;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** A string-to-string table: {@code {"table":{"k1":"v1"}}}. */
public class KVTable extends RemotingSerializable {
    private HashMap<String, String> table = new HashMap<>();

    public HashMap<String, String> getTable() {
        return table;
    }

    public void setTable(HashMap<String, String> table) {
        this.table = table;
    }
}
