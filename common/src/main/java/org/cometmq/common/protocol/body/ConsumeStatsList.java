package org.cometmq.common.protocol.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** GET_BROKER_CONSUME_STATS body: per group the consume stats of each topic it reads, and the total lag. */
public class ConsumeStatsList extends RemotingSerializable {
    private List<Map<String, List<ConsumeStats>>> consumeStatsList = new ArrayList<>();
    private String brokerAddr;
    private long totalDiff;

    public List<Map<String, List<ConsumeStats>>> getConsumeStatsList() {
        return consumeStatsList;
    }

    public void setConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList) {
        this.consumeStatsList = consumeStatsList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public long getTotalDiff() {
        return totalDiff;
    }

    public void setTotalDiff(long totalDiff) {
        this.totalDiff = totalDiff;
    }
}
