package org.cometmq.common.protocol.body;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** GET_ALL_PRODUCER_INFO body: producer group to its connections. */
public class ProducerTableInfo extends RemotingSerializable {
    private Map<String, List<ProducerInfo>> data = new HashMap<>();

    public ProducerTableInfo() {
    }

    public ProducerTableInfo(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }

    public Map<String, List<ProducerInfo>> getData() {
        return data;
    }

    public void setData(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }
}
