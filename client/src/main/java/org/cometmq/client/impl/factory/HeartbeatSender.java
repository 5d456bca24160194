package org.cometmq.client.impl.factory;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.producer.MQProducerInner;
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

    private final String clientId;
    private final Map<String, MQProducerInner> producers;
    private final Map<String, MQConsumerInner> consumers;
    private final BrokerAddressBook addresses;
    private final MQClientAPIImpl api;
    private final long timeoutMillis;

    /** Over the client instance's live producer and consumer tables and address book. */
    HeartbeatSender(String clientId, Map<String, MQProducerInner> producers, Map<String, MQConsumerInner> consumers,
        BrokerAddressBook addresses, MQClientAPIImpl api, long timeoutMillis) {
        this.clientId = clientId;
        this.producers = producers;
        this.consumers = consumers;
        this.addresses = addresses;
        this.api = api;
        this.timeoutMillis = timeoutMillis;
    }

    HeartbeatData prepareHeartbeatData() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(clientId);
        for (MQConsumerInner consumer : consumers.values()) {
            ConsumerData consumerData = new ConsumerData();
            consumerData.setGroupName(consumer.groupName());
            consumerData.setConsumeType(consumer.consumeType());
            consumerData.setMessageModel(consumer.messageModel());
            consumerData.setConsumeFromWhere(consumer.consumeFromWhere());
            consumerData.getSubscriptionDataSet().addAll(consumer.subscriptions());
            consumerData.setUnitMode(consumer.isUnitMode());
            data.getConsumerDataSet().add(consumerData);
        }
        for (String group : producers.keySet()) {
            data.getProducerDataSet().add(new ProducerData(group));
        }
        return data;
    }

    void sendToAllBrokers() {
        HeartbeatData data = prepareHeartbeatData();
        if (data.getProducerDataSet().isEmpty() && data.getConsumerDataSet().isEmpty()) {
            LOG.debug("client {} hosts no producer or consumer, no heartbeat sent", clientId);
            return;
        }
        boolean consumersPresent = !data.getConsumerDataSet().isEmpty();
        for (Map.Entry<String, HashMap<Long, String>> broker : addresses.table().entrySet()) {
            for (Map.Entry<Long, String> addr : broker.getValue().entrySet()) {
                if (addr.getValue() != null && (consumersPresent || addr.getKey() == MixAll.MASTER_ID)) {
                    sendTo(broker.getKey(), addr.getKey(), addr.getValue(), data);
                }
            }
        }
    }

    private void sendTo(String brokerName, long brokerId, String addr, HeartbeatData data) {
        try {
            int version = api.sendHearbeat(addr, data, timeoutMillis);
            addresses.recordVersion(brokerName, addr, version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("heartbeat of {} to {}[{}] {} failed: {}", clientId, brokerName, brokerId, addr,
                e.toString());
        }
    }
}
