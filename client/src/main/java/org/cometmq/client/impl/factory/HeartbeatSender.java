package org.cometmq.client.impl.factory;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.heartbeat.ConsumerData;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.ProducerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of heartbeats: builds this client's HeartbeatData (every producer and consumer group) and sends it to
 * every known broker address; slaves only when there are consumers (producers only write to masters).
 */
final class HeartbeatSender {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);

    private final MQClientInstance instance;

    HeartbeatSender(MQClientInstance instance) {
        this.instance = instance;
    }

    HeartbeatData prepareHeartbeatData() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(instance.getClientId());
        for (MQConsumerInner consumer : instance.getConsumerTable().values()) {
            ConsumerData consumerData = new ConsumerData();
            consumerData.setGroupName(consumer.groupName());
            consumerData.setConsumeType(consumer.consumeType());
            consumerData.setMessageModel(consumer.messageModel());
            consumerData.setConsumeFromWhere(consumer.consumeFromWhere());
            consumerData.getSubscriptionDataSet().addAll(consumer.subscriptions());
            consumerData.setUnitMode(consumer.isUnitMode());
            data.getConsumerDataSet().add(consumerData);
        }
        for (String group : instance.getProducerTable().keySet()) {
            data.getProducerDataSet().add(new ProducerData(group));
        }
        return data;
    }

    void sendToAllBrokers() {
        HeartbeatData data = prepareHeartbeatData();
        if (data.getProducerDataSet().isEmpty() && data.getConsumerDataSet().isEmpty()) {
            LOG.debug("client {} hosts no producer or consumer, no heartbeat sent", instance.getClientId());
            return;
        }
        boolean consumersPresent = !data.getConsumerDataSet().isEmpty();
        for (Map.Entry<String, HashMap<Long, String>> broker : instance.getBrokerAddrTable().entrySet()) {
            for (Map.Entry<Long, String> addr : broker.getValue().entrySet()) {
                if (addr.getValue() != null && (consumersPresent || addr.getKey() == MixAll.MASTER_ID)) {
                    sendTo(broker.getKey(), addr.getKey(), addr.getValue(), data);
                }
            }
        }
    }

    private void sendTo(String brokerName, long brokerId, String addr, HeartbeatData data) {
        try {
            int version = instance.getMQClientAPIImpl().sendHearbeat(addr, data,
                instance.getClientConfig().getMqClientApiTimeout());
            instance.recordBrokerVersion(brokerName, addr, version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("heartbeat of {} to {}[{}] {} failed: {}", instance.getClientId(), brokerName, brokerId, addr,
                e.toString());
        }
    }
}
