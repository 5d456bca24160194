package org.cometmq.client.impl.producer;

import org.cometmq.common.help.FAQUrl;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.Validators;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.CheckForbiddenContext;
import org.cometmq.client.hook.CheckForbiddenHook;
import org.cometmq.client.hook.EndTransactionContext;
import org.cometmq.client.hook.EndTransactionHook;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.hook.SendMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.client.latency.MQFaultStrategy;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.client.producer.RequestCallback;
import org.cometmq.client.producer.RequestFutureHolder;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.client.producer.TransactionSendResult;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's engine: lifecycle, topic routes, queue choice with retries (sync in the caller's thread, async on
 * the async sender executor), and the hooks the client instance calls (route updates, transaction checks).
 */
public class DefaultMQProducerImpl implements MQProducerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQProducerImpl.class);

    private final DefaultMQProducer defaultMQProducer;
    private final RPCHook rpcHook;
    private final ConcurrentMap<String, TopicPublishInfo> topicPublishInfoTable = new ConcurrentHashMap<>();
    /** Runs on the client instance's clock once started. */
    private final MQFaultStrategy mqFaultStrategy = new MQFaultStrategy();
    /** The client instance's clock once started; the system clock until then. */
    private volatile Clock clock = Clock.systemUTC();
    private final ProducerHooks hooks = new ProducerHooks(this);
    private final ExecutorService defaultAsyncSenderExecutor;
    private volatile ExecutorService asyncSenderExecutor;
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile MQClientInstance clientInstance;
    private volatile PublishRoutes routes;
    private volatile SendRetryPolicy sender;
    private boolean transactional;
    private ExecutorService transactionCheckExecutor;
    private volatile TransactionSupport transactionSupport;
    private RequestSender requestSender;

    public DefaultMQProducerImpl(DefaultMQProducer defaultMQProducer, RPCHook rpcHook) {
        this.defaultMQProducer = defaultMQProducer;
        this.rpcHook = rpcHook;
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(50000), new NamedThreadFactory("AsyncSenderExecutor"));
        executor.allowCoreThreadTimeOut(true);
        this.defaultAsyncSenderExecutor = executor;
    }

    // ------------------------------------------------------------------ lifecycle

    public void start() throws MQClientException {
        start(true);
    }

    /** Starts the producer: checks the group, registers with the shared client instance (starting it if asked). */
    public void start(boolean startFactory) throws MQClientException {
        checkStartable();
        if (!defaultMQProducer.getProducerGroup().equals(MixAll.CLIENT_INNER_PRODUCER_GROUP)) {
            defaultMQProducer.changeInstanceNameToPID();
        }
        MQClientInstance factory = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQProducer, rpcHook);
        register(factory);
        if (startFactory) {
            factory.start();
        }
        serviceState = ServiceState.RUNNING;
        RequestFutureHolder.getInstance().startScheduledTask(this);
        LOG.info("producer {} started on client {}", defaultMQProducer.getProducerGroup(), factory.getClientId());
        factory.sendHeartbeatToAllBrokerWithLock();
    }

    /** Starts the producer on a given (already starting) client instance; used for the instance's inner producer. */
    public void startWithFactory(MQClientInstance factory) throws MQClientException {
        checkStartable();
        register(factory);
        serviceState = ServiceState.RUNNING;
    }

    private void checkStartable() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The producer service state is " + serviceState
                + ", it can be started only once; create a new producer", null);
        }
        serviceState = ServiceState.START_FAILED;
        Validators.checkGroup(defaultMQProducer.getProducerGroup());
        if (defaultMQProducer.getProducerGroup().equals(MixAll.DEFAULT_PRODUCER_GROUP)) {
            throw new MQClientException("producerGroup can not equal " + MixAll.DEFAULT_PRODUCER_GROUP
                + ", please specify another one.", null);
        }
    }

    private void register(MQClientInstance factory) throws MQClientException {
        if (!factory.registerProducer(defaultMQProducer.getProducerGroup(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            throw new MQClientException("The producer group[" + defaultMQProducer.getProducerGroup()
                + "] has been created before, specify another name please.", null);
        }
        this.clientInstance = factory;
        TopicPublishInfo template = new TopicPublishInfo();
        topicPublishInfoTable.put(defaultMQProducer.getCreateTopicKey(), template);
        wire(factory);
    }

    /** Builds the send path for the client instance this producer now runs on; the graph reads top-down. */
    private void wire(MQClientInstance factory) {
        clock = factory.getClock();
        mqFaultStrategy.runOn(clock);
        routes = new PublishRoutes(topicPublishInfoTable, factory.routes(), defaultMQProducer);
        SendKernel kernel = new SendKernel(defaultMQProducer, routes, factory.getMQClientAPIImpl(), hooks, clock);
        sender = new SendRetryPolicy(defaultMQProducer, mqFaultStrategy, kernel, clock);
        requestSender = new RequestSender(factory.getClientId(), routes, factory.getTopicRouteTable()::containsKey,
            factory::sendHeartbeatToAllBrokerWithLock, clock);
        if (transactional) {
            transactionSupport = new TransactionSupport(defaultMQProducer, routes, factory.getMQClientAPIImpl(), hooks,
                transactionCheckExecutor);
        }
    }

    public void shutdown() {
        shutdown(true);
    }

    public void shutdown(boolean shutdownFactory) {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        clientInstance.unregisterProducer(defaultMQProducer.getProducerGroup());
        RequestFutureHolder.getInstance().shutdown(this);
        defaultAsyncSenderExecutor.shutdown();
        if (transactionSupport != null) {
            transactionSupport.shutdown();
        }
        if (shutdownFactory) {
            clientInstance.shutdown();
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("producer {} shut down", defaultMQProducer.getProducerGroup());
    }

    private void makeSureStateOK() throws MQClientException {
        makeSureStateOK("sending");
    }

    private void makeSureStateOK(String action) throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The producer service state not OK (" + serviceState
                + "): call start() before " + action + ", and do not send after shutdown()", null);
        }
    }

    // ------------------------------------------------------------------ routes and queue choice

    /** The topic's writable queues: cached, else from the name server, else through the template topic TBW102. */
    TopicPublishInfo tryToFindTopicPublishInfo(String topic) {
        return routes.find(topic);
    }

    public MessageQueue selectOneMessageQueue(TopicPublishInfo tpInfo, String lastBrokerName) {
        return mqFaultStrategy.selectOneMessageQueue(tpInfo, lastBrokerName);
    }

    public void updateFaultItem(String brokerName, long currentLatency, boolean isolation) {
        mqFaultStrategy.updateFaultItem(brokerName, currentLatency, isolation);
    }

    MQClientException noRouteException(String topic) {
        List<String> nameServers = clientInstance.getMQClientAPIImpl().getNameServerAddressList();
        if (nameServers == null || nameServers.isEmpty()) {
            return new MQClientException("No name server address, please set it."
                + FAQUrl.suggestTodo(FAQUrl.NAME_SERVER_ADDR_NOT_EXIST_URL), null)
                .setResponseCode(ClientErrorCode.NO_NAME_SERVER_EXCEPTION);
        }
        // 4.9.7's text: tools and users match on it.
        return new MQClientException("No route info of this topic: " + topic
            + FAQUrl.suggestTodo(FAQUrl.NO_TOPIC_ROUTE_INFO), null)
            .setResponseCode(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION);
    }

    // ------------------------------------------------------------------ send to any queue

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return sendDefaultImpl(msg, CommunicationMode.SYNC, timeout);
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        try {
            sendDefaultImpl(msg, CommunicationMode.ONEWAY, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    public void send(Message msg, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        long begin = clock.millis();
        submitAsync(sendCallback, () -> {
            long remaining = timeout - (clock.millis() - begin);
            makeSureStateOK();
            Validators.checkMessage(msg, defaultMQProducer);
            TopicPublishInfo tpInfo = tryToFindTopicPublishInfo(msg.getTopic());
            if (tpInfo == null || !tpInfo.ok()) {
                throw noRouteException(msg.getTopic());
            }
            sender.sendToAnyQueueAsync(msg, tpInfo, sendCallback, remaining);
        });
    }

    /** Sync (with retries, see {@link SendRetryPolicy}) or oneway send to a queue the fault strategy picks. */
    private SendResult sendDefaultImpl(Message msg, CommunicationMode mode, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        Validators.checkMessage(msg, defaultMQProducer);
        long begin = clock.millis();
        TopicPublishInfo tpInfo = tryToFindTopicPublishInfo(msg.getTopic());
        if (tpInfo == null || !tpInfo.ok()) {
            throw noRouteException(msg.getTopic());
        }
        return sender.sendToAnyQueue(msg, tpInfo, mode, begin, timeout);
    }

    // ------------------------------------------------------------------ send to a given queue

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        checkForQueue(msg, mq);
        return sender.sendToQueue(msg, mq, CommunicationMode.SYNC, timeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        long begin = clock.millis();
        submitAsync(sendCallback, () -> {
            checkForQueue(msg, mq);
            long remaining = timeout - (clock.millis() - begin);
            if (remaining <= 0) {
                throw new RemotingTooMuchRequestException("call timeout");
            }
            sender.sendToQueueAsync(msg, mq, sendCallback, remaining);
        });
    }

    public void sendOneway(Message msg, MessageQueue mq)
        throws MQClientException, RemotingException, InterruptedException {
        checkForQueue(msg, mq);
        try {
            sender.sendToQueue(msg, mq, CommunicationMode.ONEWAY, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    private void checkForQueue(Message msg, MessageQueue mq) throws MQClientException {
        makeSureStateOK();
        Validators.checkMessage(msg, defaultMQProducer);
        if (!msg.getTopic().equals(mq.getTopic())) {
            throw new MQClientException("message's topic " + msg.getTopic() + " not equal mq's topic "
                + mq.getTopic(), null);
        }
    }

    // ------------------------------------------------------------------ send with a selector

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = clock.millis();
        MessageQueue mq = select(msg, selector, arg);
        long remaining = timeout - (clock.millis() - begin);
        if (remaining <= 0) {
            throw new RemotingTooMuchRequestException("sendSelectImpl call timeout");
        }
        return sender.sendToQueue(msg, mq, CommunicationMode.SYNC, remaining);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException {
        long begin = clock.millis();
        submitAsync(sendCallback, () -> {
            MessageQueue mq = select(msg, selector, arg);
            long remaining = timeout - (clock.millis() - begin);
            if (remaining <= 0) {
                throw new RemotingTooMuchRequestException("sendSelectImpl call timeout");
            }
            sender.sendToQueueAsync(msg, mq, sendCallback, remaining);
        });
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        MessageQueue mq = select(msg, selector, arg);
        try {
            sender.sendToQueue(msg, mq, CommunicationMode.ONEWAY, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    /** The selector's choice among the topic's writable queues (shown to it without namespace). */
    private MessageQueue select(Message msg, MessageQueueSelector selector, Object arg) throws MQClientException {
        makeSureStateOK();
        Validators.checkMessage(msg, defaultMQProducer);
        TopicPublishInfo tpInfo = tryToFindTopicPublishInfo(msg.getTopic());
        if (tpInfo == null || !tpInfo.ok()) {
            throw noRouteException(msg.getTopic());
        }
        List<MessageQueue> queues = tpInfo.getMessageQueueList().stream()
            .map(q -> new MessageQueue(defaultMQProducer.withoutNamespace(q.getTopic()), q.getBrokerName(),
                q.getQueueId()))
            .toList();
        Message userMessage = MessageAccessor.cloneMessage(msg);
        userMessage.setTopic(defaultMQProducer.withoutNamespace(userMessage.getTopic()));
        MessageQueue chosen;
        try {
            chosen = selector.select(queues, userMessage, arg);
        } catch (Throwable e) {
            throw new MQClientException("select message queue threw exception: " + e, e);
        }
        if (chosen == null) {
            throw new MQClientException("select message queue return null.", null);
        }
        return defaultMQProducer.queueWithNamespace(chosen);
    }

    // ------------------------------------------------------------------ async plumbing

    /** An async step that may throw; what it throws goes to the callback. */
    interface AsyncStep {
        void run() throws Exception;
    }

    private void submitAsync(SendCallback callback, AsyncStep step) throws MQClientException {
        try {
            getAsyncSenderExecutor().submit(() -> {
                try {
                    step.run();
                } catch (Throwable e) {
                    callback.onException(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new MQClientException("async send rejected: the async sender executor is full or shut down", e);
        }
    }

    // ------------------------------------------------------------------ transactions

    /** Sends a half message, runs the local transaction and reports its outcome to the broker. */
    public TransactionSendResult sendMessageInTransaction(Message msg, TransactionListener listener, Object arg)
        throws MQClientException {
        TransactionSupport transactions = transactionSupport();
        TransactionListener effective = transactions.prepareHalfMessage(msg, listener);
        SendResult sendResult;
        try {
            sendResult = send(msg, defaultMQProducer.getSendMsgTimeout());
        } catch (Exception e) {
            throw new MQClientException("send half message of a transaction failed: " + e.getMessage(), e);
        }
        return transactions.completeTransaction(msg, sendResult, effective, arg);
    }

    /** Marks the producer transactional, with the check-back executor (null: its own) used once it starts. */
    public void initTransactionEnv(ExecutorService checkExecutor) {
        transactional = true;
        transactionCheckExecutor = checkExecutor;
    }

    private TransactionSupport transactionSupport() throws MQClientException {
        if (transactionSupport == null) {
            throw new MQClientException("This producer is not transactional: use TransactionMQProducer", null);
        }
        return transactionSupport;
    }

    @Override
    public TransactionListener getCheckListener() {
        return transactionSupport == null ? null : transactionSupport.listener();
    }

    @Override
    public void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        if (transactionSupport == null) {
            LOG.warn("transaction check from {} for {} but producer {} is not transactional", addr, msg.getMsgId(),
                defaultMQProducer.getProducerGroup());
            return;
        }
        transactionSupport.checkTransactionState(addr, msg, header);
    }

    // ------------------------------------------------------------------ MQProducerInner

    @Override
    public Set<String> getPublishTopicList() {
        return Set.copyOf(topicPublishInfoTable.keySet());
    }

    @Override
    public boolean isPublishTopicNeedUpdate(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        return info == null || !info.ok();
    }

    @Override
    public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
        if (info != null && topic != null) {
            topicPublishInfoTable.put(topic, info);
        }
    }

    @Override
    public boolean isUnitMode() {
        return defaultMQProducer.isUnitMode();
    }

    // ------------------------------------------------------------------ hooks (called where 4.9 calls them)

    public void registerCheckForbiddenHook(CheckForbiddenHook checkForbiddenHook) {
        hooks.register(checkForbiddenHook);
    }

    public void registerSendMessageHook(SendMessageHook hook) {
        hooks.register(hook);
    }

    public void registerEndTransactionHook(EndTransactionHook hook) {
        hooks.register(hook);
    }

    public boolean hasCheckForbiddenHook() {
        return hooks.hasCheckForbiddenHook();
    }

    public void executeCheckForbiddenHook(CheckForbiddenContext context) throws MQClientException {
        hooks.executeCheckForbidden(context);
    }

    public boolean hasSendMessageHook() {
        return hooks.hasSendMessageHook();
    }

    public void executeSendMessageHookBefore(SendMessageContext context) {
        hooks.executeBefore(context);
    }

    public void executeSendMessageHookAfter(SendMessageContext context) {
        hooks.executeAfter(context);
    }

    public boolean hasEndTransactionHook() {
        return hooks.hasEndTransactionHook();
    }

    public void executeEndTransactionHook(EndTransactionContext context) {
        hooks.executeEndTransaction(context);
    }

    public void doExecuteEndTransactionHook(Message msg, String msgId, String brokerAddr, LocalTransactionState state,
        boolean fromTransactionCheck) {
        hooks.endTransaction(defaultMQProducer.getProducerGroup(), msg, brokerAddr, msgId, state, fromTransactionCheck);
    }

    // ------------------------------------------------------------------ accessors

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        return clientInstance.getMQAdminImpl().fetchPublishMessageQueues(topic);
    }

    public MQAdminImpl getMQAdminImpl() throws MQClientException {
        makeSureStateOK();
        return clientInstance.getMQAdminImpl();
    }

    // ------------------------------------------------------------------ request-reply

    public Message request(Message msg, long timeout) throws RequestTimeoutException, MQClientException,
        RemotingException, MQBrokerException, InterruptedException {
        return runningRequestSender().requestSync(msg, timeout, (cb, left) -> send(msg, cb, left));
    }

    public Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return runningRequestSender().requestSync(msg, timeout, (cb, left) -> send(msg, selector, arg, cb, left));
    }

    public Message request(Message msg, MessageQueue mq, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return runningRequestSender().requestSync(msg, timeout, (cb, left) -> send(msg, mq, cb, left));
    }

    public void request(Message msg, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        runningRequestSender().requestAsync(msg, callback, timeout, (cb, left) -> send(msg, cb, left));
    }

    public void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        runningRequestSender().requestAsync(msg, callback, timeout,
            (cb, left) -> send(msg, selector, arg, cb, left));
    }

    public void request(Message msg, MessageQueue mq, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        runningRequestSender().requestAsync(msg, callback, timeout, (cb, left) -> send(msg, mq, cb, left));
    }

    private RequestSender runningRequestSender() throws MQClientException {
        makeSureStateOK("sending a request");
        return requestSender;
    }

    public MQClientInstance getMQClientFactory() {
        return clientInstance;
    }

    public ConcurrentMap<String, TopicPublishInfo> getTopicPublishInfoTable() {
        return topicPublishInfoTable;
    }

    public MQFaultStrategy getMqFaultStrategy() {
        return mqFaultStrategy;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }

    public void setCallbackExecutor(ExecutorService callbackExecutor) {
        clientInstance.getMQClientAPIImpl().getRemotingClient().setCallbackExecutor(callbackExecutor);
    }

    public ExecutorService getAsyncSenderExecutor() {
        return asyncSenderExecutor == null ? defaultAsyncSenderExecutor : asyncSenderExecutor;
    }

    public void setAsyncSenderExecutor(ExecutorService asyncSenderExecutor) {
        this.asyncSenderExecutor = asyncSenderExecutor;
    }

    DefaultMQProducer getDefaultMQProducer() {
        return defaultMQProducer;
    }
}
