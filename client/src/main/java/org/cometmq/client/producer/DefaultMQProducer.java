package org.cometmq.client.producer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.QueryResult;
import org.cometmq.client.Validators;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.impl.producer.DefaultMQProducerImpl;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceDispatchers;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageBatch;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;

/**
 * The producer applications use: set a group and a name server address, {@link #start()}, then send. Sync sends
 * are retried on another queue (by default up to 2 more times, within {@link #getSendMsgTimeout()} overall) when
 * the broker is unreachable or answers with a retryable code; bodies of 4 KiB and more are zlib-compressed.
 */
public class DefaultMQProducer extends ClientConfig implements MQProducer {
    protected final transient DefaultMQProducerImpl defaultMQProducerImpl;
    private final TraceDispatcher traceDispatcher;

    /** Broker codes after which a sync send is tried again on another queue. */
    private final Set<Integer> retryResponseCodes = new CopyOnWriteArraySet<>(List.of(
        ResponseCode.TOPIC_NOT_EXIST, ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR,
        ResponseCode.NO_PERMISSION, ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT));

    private String producerGroup;
    /** Template topic the broker copies when it auto-creates a topic on first send. */
    private String createTopicKey = TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC;
    /** Queues of a topic auto-created on first send. */
    private volatile int defaultTopicQueueNums = 4;
    private int sendMsgTimeout = 3000;
    /** Bodies of at least this many bytes are compressed. */
    private int compressMsgBodyOverHowmuch = 1024 * 4;
    private int retryTimesWhenSendFailed = 2;
    private int retryTimesWhenSendAsyncFailed = 2;
    /** Whether a stored-but-not-OK status (e.g. FLUSH_DISK_TIMEOUT) is retried on another broker. */
    private boolean retryAnotherBrokerWhenNotStoreOK = false;
    private int maxMessageSize = 1024 * 1024 * 4;

    public DefaultMQProducer() {
        this(null, MixAll.DEFAULT_PRODUCER_GROUP, null);
    }

    public DefaultMQProducer(RPCHook rpcHook) {
        this(null, MixAll.DEFAULT_PRODUCER_GROUP, rpcHook);
    }

    public DefaultMQProducer(String producerGroup) {
        this(null, producerGroup, null);
    }

    public DefaultMQProducer(String producerGroup, RPCHook rpcHook) {
        this(null, producerGroup, rpcHook);
    }

    public DefaultMQProducer(String namespace, String producerGroup) {
        this(namespace, producerGroup, null);
    }

    public DefaultMQProducer(String namespace, String producerGroup, RPCHook rpcHook) {
        this(namespace, producerGroup, rpcHook, false, null);
    }

    /** A producer that traces its sends when {@code enableMsgTrace} (to RMQ_SYS_TRACE_TOPIC by default). */
    public DefaultMQProducer(String producerGroup, boolean enableMsgTrace) {
        this(null, producerGroup, null, enableMsgTrace, null);
    }

    public DefaultMQProducer(String producerGroup, boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, producerGroup, null, enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQProducer(String producerGroup, RPCHook rpcHook, boolean enableMsgTrace,
        String customizedTraceTopic) {
        this(null, producerGroup, rpcHook, enableMsgTrace, customizedTraceTopic);
    }

    /**
     * @param enableMsgTrace       whether every send leaves a Pub trace record (and every transaction outcome an
     *                             EndTransaction record)
     * @param customizedTraceTopic the trace topic; null for RMQ_SYS_TRACE_TOPIC
     */
    public DefaultMQProducer(String namespace, String producerGroup, RPCHook rpcHook, boolean enableMsgTrace,
        String customizedTraceTopic) {
        this.namespace = namespace;
        this.producerGroup = producerGroup;
        this.defaultMQProducerImpl = new DefaultMQProducerImpl(this, rpcHook);
        this.traceDispatcher = enableMsgTrace
            ? TraceDispatchers.forProducer(defaultMQProducerImpl, producerGroup, customizedTraceTopic, rpcHook) : null;
    }

    /** Starts the producer; its group must be valid and not DEFAULT_PRODUCER. */
    @Override
    public void start() throws MQClientException {
        setProducerGroup(withNamespace(producerGroup));
        defaultMQProducerImpl.start();
        TraceDispatchers.start(traceDispatcher, getNamesrvAddr(), getAccessChannel());
    }

    @Override
    public void shutdown() {
        defaultMQProducerImpl.shutdown();
        if (traceDispatcher != null) {
            traceDispatcher.shutdown();
        }
    }

    @Override
    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        return defaultMQProducerImpl.fetchPublishMessageQueues(withNamespace(topic));
    }

    // ------------------------------------------------------------------ send, any queue

    @Override
    public SendResult send(Message msg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, sendMsgTimeout);
    }

    @Override
    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        prepare(msg);
        return defaultMQProducerImpl.send(msg, timeout);
    }

    @Override
    public void send(Message msg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, sendCallback, sendMsgTimeout);
    }

    @Override
    public void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.send(msg, sendCallback, timeout);
    }

    @Override
    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.sendOneway(msg);
    }

    // ------------------------------------------------------------------ send, given queue

    @Override
    public SendResult send(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, mq, sendMsgTimeout);
    }

    @Override
    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        prepare(msg);
        return defaultMQProducerImpl.send(msg, queueWithNamespace(mq), timeout);
    }

    @Override
    public void send(Message msg, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, mq, sendCallback, sendMsgTimeout);
    }

    @Override
    public void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.send(msg, queueWithNamespace(mq), sendCallback, timeout);
    }

    @Override
    public void sendOneway(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.sendOneway(msg, queueWithNamespace(mq));
    }

    // ------------------------------------------------------------------ send, selector

    @Override
    public SendResult send(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msg, selector, arg, sendMsgTimeout);
    }

    @Override
    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        prepare(msg);
        return defaultMQProducerImpl.send(msg, selector, arg, timeout);
    }

    @Override
    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback)
        throws MQClientException, RemotingException, InterruptedException {
        send(msg, selector, arg, sendCallback, sendMsgTimeout);
    }

    @Override
    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.send(msg, selector, arg, sendCallback, timeout);
    }

    @Override
    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        prepare(msg);
        defaultMQProducerImpl.sendOneway(msg, selector, arg);
    }

    // ------------------------------------------------------------------ request-reply

    /**
     * Sends a request and waits up to {@code timeout} ms for its reply, which the replier creates with
     * {@code MessageUtil.createReplyMessage} and the broker pushes to this client.
     *
     * @throws RequestTimeoutException when the request was sent but no reply came in time
     */
    @Override
    public Message request(Message msg, long timeout) throws RequestTimeoutException, MQClientException,
        RemotingException, MQBrokerException, InterruptedException {
        prepare(msg);
        return defaultMQProducerImpl.request(msg, timeout);
    }

    @Override
    public void request(Message msg, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        prepare(msg);
        defaultMQProducerImpl.request(msg, requestCallback, timeout);
    }

    @Override
    public Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException, RequestTimeoutException {
        prepare(msg);
        return defaultMQProducerImpl.request(msg, selector, arg, timeout);
    }

    @Override
    public void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback requestCallback,
                        long timeout) throws MQClientException, RemotingException, InterruptedException,
        MQBrokerException {
        prepare(msg);
        defaultMQProducerImpl.request(msg, selector, arg, requestCallback, timeout);
    }

    @Override
    public Message request(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException, RequestTimeoutException {
        prepare(msg);
        return defaultMQProducerImpl.request(msg, queueWithNamespace(mq), timeout);
    }

    @Override
    public void request(Message msg, MessageQueue mq, RequestCallback requestCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        prepare(msg);
        defaultMQProducerImpl.request(msg, queueWithNamespace(mq), requestCallback, timeout);
    }

    /** Only {@link TransactionMQProducer} sends transactional messages. */
    @Override
    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        throw new UnsupportedOperationException(
            "sendMessageInTransaction is not implemented here, please use TransactionMQProducer");
    }

    // ------------------------------------------------------------------ batches

    @Override
    public SendResult send(Collection<Message> msgs)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), sendMsgTimeout);
    }

    @Override
    public SendResult send(Collection<Message> msgs, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), timeout);
    }

    @Override
    public SendResult send(Collection<Message> msgs, MessageQueue mq)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return send(msgs, mq, sendMsgTimeout);
    }

    @Override
    public SendResult send(Collection<Message> msgs, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), timeout);
    }

    @Override
    public void send(Collection<Message> msgs, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        send(msgs, sendCallback, sendMsgTimeout);
    }

    @Override
    public void send(Collection<Message> msgs, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), sendCallback, timeout);
    }

    @Override
    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        send(msgs, mq, sendCallback, sendMsgTimeout);
    }

    @Override
    public void send(Collection<Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        defaultMQProducerImpl.send(batch(msgs), queueWithNamespace(mq), sendCallback, timeout);
    }

    /** One MessageBatch of {@code msgs}: each message gets its own UNIQ_KEY, the body is the batch encoding. */
    private MessageBatch batch(Collection<Message> msgs) throws MQClientException {
        MessageBatch msgBatch;
        try {
            msgBatch = MessageBatch.generateFromList(msgs);
            for (Message message : msgBatch) {
                Validators.checkTopic(message.getTopic());
                MessageClientIDSetter.setUniqID(message);
                message.setTopic(withNamespace(message.getTopic()));
            }
            msgBatch.setBody(msgBatch.encode());
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("Failed to initiate the MessageBatch: " + e.getMessage(), e);
        }
        msgBatch.setTopic(withNamespace(msgBatch.getTopic()));
        return msgBatch;
    }

    private void prepare(Message msg) {
        if (msg != null) {
            msg.setTopic(withNamespace(msg.getTopic()));
        }
    }

    // ------------------------------------------------------------------ admin

    @Override
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, withNamespace(newTopic), queueNum, 0);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        defaultMQProducerImpl.getMQAdminImpl().createTopic(key, withNamespace(newTopic), queueNum, topicSysFlag);
    }

    @Override
    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().searchOffset(queueWithNamespace(mq), timestamp);
    }

    @Override
    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().maxOffset(queueWithNamespace(mq));
    }

    @Override
    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().minOffset(queueWithNamespace(mq));
    }

    @Override
    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().earliestMsgStoreTime(queueWithNamespace(mq));
    }

    @Override
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().viewMessage(offsetMsgId);
    }

    @Override
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return defaultMQProducerImpl.getMQAdminImpl().queryMessage(withNamespace(topic), key, maxNum, begin, end);
    }

    @Override
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQProducerImpl.getMQAdminImpl().viewMessage(withNamespace(topic), msgId);
    }

    // ------------------------------------------------------------------ settings

    /** Executor running async send callbacks (the client's callback executor when not set). */
    public void setCallbackExecutor(ExecutorService callbackExecutor) {
        defaultMQProducerImpl.setCallbackExecutor(callbackExecutor);
    }

    /** Executor that runs async sends (route lookup and retries); a producer-owned pool when not set. */
    public void setAsyncSenderExecutor(ExecutorService asyncSenderExecutor) {
        defaultMQProducerImpl.setAsyncSenderExecutor(asyncSenderExecutor);
    }

    public void addRetryResponseCode(int responseCode) {
        retryResponseCodes.add(responseCode);
    }

    public Set<Integer> getRetryResponseCodes() {
        return retryResponseCodes;
    }

    /** The dispatcher of this producer's trace records; null when trace is off. */
    public TraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    public DefaultMQProducerImpl getDefaultMQProducerImpl() {
        return defaultMQProducerImpl;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getCreateTopicKey() {
        return createTopicKey;
    }

    public void setCreateTopicKey(String createTopicKey) {
        this.createTopicKey = createTopicKey;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public int getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    public void setSendMsgTimeout(int sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public int getCompressMsgBodyOverHowmuch() {
        return compressMsgBodyOverHowmuch;
    }

    public void setCompressMsgBodyOverHowmuch(int compressMsgBodyOverHowmuch) {
        this.compressMsgBodyOverHowmuch = compressMsgBodyOverHowmuch;
    }

    public boolean isRetryAnotherBrokerWhenNotStoreOK() {
        return retryAnotherBrokerWhenNotStoreOK;
    }

    public void setRetryAnotherBrokerWhenNotStoreOK(boolean retryAnotherBrokerWhenNotStoreOK) {
        this.retryAnotherBrokerWhenNotStoreOK = retryAnotherBrokerWhenNotStoreOK;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public int getRetryTimesWhenSendAsyncFailed() {
        return retryTimesWhenSendAsyncFailed;
    }

    public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
        this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
    }

    public boolean isSendMessageWithVIPChannel() {
        return isVipChannelEnabled();
    }

    public void setSendMessageWithVIPChannel(boolean sendMessageWithVIPChannel) {
        setVipChannelEnabled(sendMessageWithVIPChannel);
    }

    public boolean isSendLatencyFaultEnable() {
        return defaultMQProducerImpl.getMqFaultStrategy().isSendLatencyFaultEnable();
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        defaultMQProducerImpl.getMqFaultStrategy().setSendLatencyFaultEnable(sendLatencyFaultEnable);
    }

    public long[] getLatencyMax() {
        return defaultMQProducerImpl.getMqFaultStrategy().getLatencyMax();
    }

    public void setLatencyMax(long[] latencyMax) {
        defaultMQProducerImpl.getMqFaultStrategy().setLatencyMax(latencyMax);
    }

    public long[] getNotAvailableDuration() {
        return defaultMQProducerImpl.getMqFaultStrategy().getNotAvailableDuration();
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        defaultMQProducerImpl.getMqFaultStrategy().setNotAvailableDuration(notAvailableDuration);
    }
}
