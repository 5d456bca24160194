package org.cometmq.common.protocol.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * A topic's route: which brokers hold its queues ({@link QueueData}), their addresses ({@link BrokerData}),
 * optional filter servers and, for order topics, {@code orderTopicConf}. Encoded in the standard JSON form
 * (quoted map keys, see {@link StandardJson}).
 */
public class TopicRouteData extends RemotingSerializable {
    private String orderTopicConf;
    private List<QueueData> queueDatas;
    private List<BrokerData> brokerDatas;
    private HashMap<String, List<String>> filterServerTable;

    /** A deep copy: lists, queue datas, broker datas and filter-server lists are all new objects. */
    public TopicRouteData cloneTopicRouteData() {
        TopicRouteData copy = new TopicRouteData();
        copy.setOrderTopicConf(orderTopicConf);
        copy.setQueueDatas(new ArrayList<>());
        copy.setBrokerDatas(new ArrayList<>());
        copy.setFilterServerTable(new HashMap<>());
        if (queueDatas != null) {
            queueDatas.forEach(qd -> copy.queueDatas.add(new QueueData(qd)));
        }
        if (brokerDatas != null) {
            brokerDatas.forEach(bd -> copy.brokerDatas.add(new BrokerData(bd)));
        }
        if (filterServerTable != null) {
            filterServerTable.forEach((addr, servers) -> copy.filterServerTable.put(addr, new ArrayList<>(servers)));
        }
        return copy;
    }

    @Override
    public byte[] encode() {
        return StandardJson.encode(this);
    }

    @Override
    public String toJson(boolean prettyFormat) {
        return prettyFormat ? RemotingSerializable.toJson(this, true) : StandardJson.toJson(this);
    }

    public String getOrderTopicConf() {
        return orderTopicConf;
    }

    public void setOrderTopicConf(String orderTopicConf) {
        this.orderTopicConf = orderTopicConf;
    }

    public List<QueueData> getQueueDatas() {
        return queueDatas;
    }

    public void setQueueDatas(List<QueueData> queueDatas) {
        this.queueDatas = queueDatas;
    }

    public List<BrokerData> getBrokerDatas() {
        return brokerDatas;
    }

    public void setBrokerDatas(List<BrokerData> brokerDatas) {
        this.brokerDatas = brokerDatas;
    }

    public HashMap<String, List<String>> getFilterServerTable() {
        return filterServerTable;
    }

    public void setFilterServerTable(HashMap<String, List<String>> filterServerTable) {
        this.filterServerTable = filterServerTable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicRouteData)) {
            return false;
        }
        TopicRouteData that = (TopicRouteData) o;
        return Objects.equals(orderTopicConf, that.orderTopicConf) && Objects.equals(queueDatas, that.queueDatas)
            && Objects.equals(brokerDatas, that.brokerDatas)
            && Objects.equals(filterServerTable, that.filterServerTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderTopicConf, queueDatas, brokerDatas, filterServerTable);
    }

    @Override
    public String toString() {
        return "TopicRouteData [orderTopicConf=" + orderTopicConf + ", queueDatas=" + queueDatas + ", brokerDatas="
            + brokerDatas + ", filterServerTable=" + filterServerTable + "]";
    }
}
