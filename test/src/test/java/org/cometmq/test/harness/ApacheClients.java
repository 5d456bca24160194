package org.cometmq.test.harness;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Apache RocketMQ 4.9.7 clients configured the same way in every test: the given name servers, no VIP
 * channel, and a unique instance name so clients of different tests never share one MQClientInstance.
 * Callers start them (admin and producer are returned started) and shut them down.
 */
public final class ApacheClients {
    private static final AtomicInteger INSTANCE_SEQUENCE = new AtomicInteger();

    private ApacheClients() {
    }

    public static DefaultMQAdminExt startedAdmin(String namesrvAddr) throws MQClientException {
        return startedAdmin(namesrvAddr, null);
    }

    /** An admin signing its requests with {@code rpcHook} (e.g. Apache's AclClientRPCHook); null for none. */
    public static DefaultMQAdminExt startedAdmin(String namesrvAddr, RPCHook rpcHook) throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(rpcHook, 5_000);
        configure(admin, namesrvAddr);
        admin.setAdminExtGroup("comet_test_admin_" + INSTANCE_SEQUENCE.incrementAndGet());
        admin.start();
        return admin;
    }

    public static DefaultMQProducer startedProducer(String group, String namesrvAddr) throws MQClientException {
        return startedProducer(group, namesrvAddr, null);
    }

    public static DefaultMQProducer startedProducer(String group, String namesrvAddr, RPCHook rpcHook)
        throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(group, rpcHook);
        configure(producer, namesrvAddr);
        producer.setSendMsgTimeout(5_000);
        producer.start();
        return producer;
    }

    /** A push consumer reading from the first offset; subscribe, register a listener, then start it. */
    public static DefaultMQPushConsumer pushConsumer(String group, String namesrvAddr) {
        return pushConsumer(group, namesrvAddr, null);
    }

    public static DefaultMQPushConsumer pushConsumer(String group, String namesrvAddr, RPCHook rpcHook) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, rpcHook, new AllocateMessageQueueAveragely());
        configure(consumer, namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(2);
        consumer.setConsumeThreadMax(4);
        return consumer;
    }

    private static void configure(ClientConfig config, String namesrvAddr) {
        config.setNamesrvAddr(namesrvAddr);
        config.setVipChannelEnabled(false);
        config.setInstanceName("comet_test_" + ProcessHandle.current().pid() + "_" + INSTANCE_SEQUENCE.incrementAndGet());
    }
}
