package org.cometmq.namesrv.kvconfig;

import java.util.HashMap;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** The KV config file: {@code {"configTable":{namespace:{key:value}}}}. */
public class KVConfigSerializeWrapper extends RemotingSerializable {
    private HashMap<String, HashMap<String, String>> configTable;

    public HashMap<String, HashMap<String, String>> getConfigTable() {
        return configTable;
    }

    public void setConfigTable(HashMap<String, HashMap<String, String>> configTable) {
        this.configTable = configTable;
    }
}
