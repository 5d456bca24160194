package org.cometmq.broker.metrics;

/**
 * Metric and label names of the broker's {@code /metrics} page: RocketMQ 5's (RIP-46) where it has one, so
 * dashboards made for RocketMQ 5 work; CometMQ's own additions keep the {@code rocketmq_} prefix.
 */
public final class BrokerMetricsConstant {
    public static final String GAUGE_PROCESSOR_WATERMARK = "rocketmq_processor_watermark";
    public static final String GAUGE_BROKER_PERMISSION = "rocketmq_broker_permission";
    public static final String GAUGE_TOPIC_NUM = "rocketmq_topic_number";
    public static final String GAUGE_CONSUMER_GROUP_NUM = "rocketmq_consumer_group_number";

    public static final String COUNTER_MESSAGES_IN_TOTAL = "rocketmq_messages_in_total";
    public static final String COUNTER_MESSAGES_OUT_TOTAL = "rocketmq_messages_out_total";
    public static final String COUNTER_THROUGHPUT_IN_TOTAL = "rocketmq_throughput_in_total";
    public static final String COUNTER_THROUGHPUT_OUT_TOTAL = "rocketmq_throughput_out_total";
    public static final String HISTOGRAM_MESSAGE_SIZE = "rocketmq_message_size";

    public static final String GAUGE_PRODUCER_CONNECTIONS = "rocketmq_producer_connections";
    public static final String GAUGE_CONSUMER_CONNECTIONS = "rocketmq_consumer_connections";

    public static final String GAUGE_CONSUMER_LAG_MESSAGES = "rocketmq_consumer_lag_messages";
    public static final String GAUGE_CONSUMER_LAG_LATENCY = "rocketmq_consumer_lag_latency";
    public static final String GAUGE_CONSUMER_INFLIGHT_MESSAGES = "rocketmq_consumer_inflight_messages";
    public static final String GAUGE_CONSUMER_QUEUEING_LATENCY = "rocketmq_consumer_queueing_latency";
    public static final String GAUGE_CONSUMER_READY_MESSAGES = "rocketmq_consumer_ready_messages";
    public static final String COUNTER_SEND_TO_DLQ_MESSAGES_TOTAL = "rocketmq_send_to_dlq_messages_total";

    public static final String GAUGE_STORAGE_SIZE = "rocketmq_storage_size";
    public static final String GAUGE_STORAGE_FLUSH_BEHIND = "rocketmq_storage_flush_behind_bytes";
    public static final String GAUGE_STORAGE_DISPATCH_BEHIND = "rocketmq_storage_dispatch_behind_bytes";
    public static final String GAUGE_STORAGE_MESSAGE_RESERVE_TIME = "rocketmq_storage_message_reserve_time";
    /** CometMQ: bytes of commit-log files on disk. */
    public static final String GAUGE_STORAGE_COMMITLOG_SIZE = "rocketmq_storage_commitlog_size";
    /** CometMQ: bytes of consume-queue files on disk. */
    public static final String GAUGE_STORAGE_CONSUMEQUEUE_SIZE = "rocketmq_storage_consumequeue_size";
    /** CometMQ: time of each store put, milliseconds. */
    public static final String HISTOGRAM_STORAGE_PUT_LATENCY = "rocketmq_storage_put_latency";
    /** CometMQ: time of each commit-log flush that wrote data, milliseconds. */
    public static final String HISTOGRAM_STORAGE_FLUSH_LATENCY = "rocketmq_storage_flush_latency";

    public static final String LABEL_CLUSTER_NAME = "cluster";
    public static final String LABEL_NODE_TYPE = "node_type";
    public static final String NODE_TYPE_BROKER = "broker";
    public static final String LABEL_NODE_ID = "node_id";
    public static final String LABEL_PROCESSOR = "processor";
    public static final String LABEL_TOPIC = "topic";
    public static final String LABEL_IS_RETRY = "is_retry";
    public static final String LABEL_IS_SYSTEM = "is_system";
    public static final String LABEL_CONSUMER_GROUP = "consumer_group";
    public static final String LABEL_MESSAGE_TYPE = "message_type";
    public static final String LABEL_LANGUAGE = "language";
    public static final String LABEL_VERSION = "version";
    public static final String LABEL_CONSUME_MODE = "consume_mode";
    public static final String LABEL_PROTOCOL_TYPE = "protocol_type";
    public static final String LABEL_STORAGE_TYPE = "storage_type";
    public static final String LABEL_STORAGE_MEDIUM = "storage_medium";

    private BrokerMetricsConstant() {
    }
}
