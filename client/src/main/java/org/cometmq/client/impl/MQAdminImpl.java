package org.cometmq.client.impl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.QueryResult;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.factory.TopicRouteConverter;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.help.FAQUrl;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageId;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.QueryMessageRequestHeader;
import org.cometmq.common.protocol.header.QueryMessageResponseHeader;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.common.RemotingUtil;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code MQAdmin} operations of producers and consumers, on top of a client instance's routes. */
public class MQAdminImpl {
    private static final Logger LOG = LoggerFactory.getLogger(MQAdminImpl.class);

    private final MQClientAPIImpl api;
    private final AdminRouteSource routes;
    private final ClientConfig clientConfig;
    private long timeoutMillis = 6000;

    public MQAdminImpl(MQClientAPIImpl api, AdminRouteSource routes, ClientConfig clientConfig) {
        this.api = api;
        this.routes = routes;
        this.clientConfig = clientConfig;
    }

    private MQClientAPIImpl api() {
        return api;
    }

    /** Creates {@code newTopic} on every writable master broker of the template topic {@code key}. */
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        try {
            TopicRouteData route = api().getTopicRouteInfoFromNameServer(key, timeoutMillis);
            int created = 0;
            Exception last = null;
            for (BrokerData brokerData : route.getBrokerDatas()) {
                String addr = brokerData.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (addr == null) {
                    continue;
                }
                TopicConfig config = new TopicConfig(newTopic, queueNum, queueNum,
                    PermName.PERM_READ | PermName.PERM_WRITE, topicSysFlag);
                try {
                    api().createTopic(addr, key, config, timeoutMillis);
                    created++;
                } catch (RemotingException | MQBrokerException e) {
                    last = e;
                    LOG.warn("create topic {} on {} failed: {}", newTopic, addr, e.toString());
                }
            }
            if (created == 0) {
                throw new MQClientException("Topic " + newTopic + " was created on no broker of " + key, last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MQClientException("Interrupted while creating topic " + newTopic, e);
        } catch (RemotingException e) {
            throw new MQClientException("Create topic " + newTopic + " failed: the name server did not answer", e);
        }
    }

    /**
     * The writable queues of {@code topic}, fetched fresh from the name server. Any failure, a topic the name server
     * does not know included, is wrapped as "Can not find Message Queue for this topic, ..." with the cause, as 4.9.7.
     */
    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        try {
            TopicPublishInfo info = TopicRouteConverter.toPublishInfo(topic, fetchRoute(topic));
            if (info.ok()) {
                return info.getMessageQueueList();
            }
        } catch (Exception e) {
            throw cannotFindQueues(topic, "", e);
        }
        throw new MQClientException("Unknow why, Can not find Message Queue for this topic, " + topic, null);
    }

    /** The readable queues of {@code topic}, fetched fresh from the name server; failures wrapped as 4.9.7 does. */
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        try {
            Set<MessageQueue> queues = TopicRouteConverter.toSubscribeInfo(topic, fetchRoute(topic));
            if (queues.isEmpty()) {
                throw new MQClientException("Can not find Message Queue for this topic, " + topic
                    + " Namesrv return empty", null);
            }
            return queues;
        } catch (Exception e) {
            throw cannotFindQueues(topic, FAQUrl.suggestTodo(FAQUrl.MQLIST_NOT_EXIST), e);
        }
    }

    private static MQClientException cannotFindQueues(String topic, String suffix, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new MQClientException("Can not find Message Queue for this topic, " + topic + suffix, cause);
    }

    private TopicRouteData fetchRoute(String topic)
        throws MQClientException, RemotingException, InterruptedException {
        return api().getTopicRouteInfoFromNameServer(topic, timeoutMillis);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        String addr = brokerAddrOf(mq);
        try {
            return api().searchOffset(addr, mq, timestamp, timeoutMillis);
        } catch (Exception e) {
            throw wrap("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddrOf(mq);
        try {
            return api().getMaxOffset(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw wrap("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddrOf(mq);
        try {
            return api().getMinOffset(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw wrap("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        String addr = brokerAddrOf(mq);
        try {
            return api().getEarliestMsgStoretime(addr, mq, timeoutMillis);
        } catch (Exception e) {
            throw wrap("Invoke Broker[" + addr + "] exception", e);
        }
    }

    /** The master address of the queue's broker, refreshing the route once when it is unknown. */
    private String brokerAddrOf(MessageQueue mq) throws MQClientException {
        String addr = routes.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            routes.updateTopicRouteInfoFromNameServer(mq.getTopic());
            addr = routes.findBrokerAddressInPublish(mq.getBrokerName());
        }
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        return addr;
    }

    private static MQClientException wrap(String message, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e instanceof MQClientException mqe ? mqe : new MQClientException(message, e);
    }

    /** The message stored at the position an offset message id names. */
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        MessageId id;
        try {
            id = MessageDecoder.decodeMessageId(offsetMsgId);
        } catch (Exception e) {
            throw new MQClientException(ResponseCode.NO_MESSAGE, "query message by id finished, but no message.");
        }
        return api().viewMessage(RemotingUtil.socketAddress2String(id.getAddress()), id.getOffset(), timeoutMillis);
    }

    /** The message with a client id (UNIQ_KEY) or, failing that lookup, an offset message id. */
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            MessageExt found = queryMessageByUniqKey(topic, msgId);
            if (found != null) {
                return found;
            }
        } catch (MQClientException e) {
            LOG.debug("{} is not a unique key of {}: {}", msgId, topic, e.getErrorMessage());
        }
        return viewMessage(msgId);
    }

    public MessageExt queryMessageByUniqKey(String topic, String uniqKey)
        throws InterruptedException, MQClientException {
        QueryResult result = queryMessage(topic, uniqKey, 32,
            MessageClientIDSetter.getNearlyTimeFromID(uniqKey).getTime() - 1000, Long.MAX_VALUE, true);
        List<MessageExt> messages = result.getMessageList();
        if (messages.isEmpty()) {
            return null;
        }
        return Collections.min(messages, Comparator.comparingLong(MessageExt::getStoreTimestamp));
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return queryMessage(topic, key, maxNum, begin, end, false);
    }

    /** Asks every broker of {@code topic} for messages indexed under {@code key} and merges the answers. */
    protected QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end,
        boolean isUniqKey) throws MQClientException, InterruptedException {
        TopicRouteData route = routes.getAnExistTopicRouteData(topic);
        if (route == null) {
            routes.updateTopicRouteInfoFromNameServer(topic);
            route = routes.getAnExistTopicRouteData(topic);
        }
        if (route == null) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "The topic[" + topic + "] not matched route info");
        }
        List<String> addrs = new ArrayList<>();
        for (BrokerData brokerData : route.getBrokerDatas()) {
            String addr = brokerData.selectBrokerAddr();
            if (addr != null) {
                addrs.add(addr);
            }
        }
        List<QueryResult> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch latch = new CountDownLatch(addrs.size());
        for (String addr : addrs) {
            sendQuery(addr, topic, key, maxNum, begin, end, isUniqKey, answers, latch);
        }
        if (!latch.await(timeoutMillis * 3, TimeUnit.MILLISECONDS)) {
            LOG.warn("query of key {} in {}: not every broker answered in time", key, topic);
        }
        return merge(answers, key, isUniqKey, topic);
    }

    private void sendQuery(String addr, String topic, String key, int maxNum, long begin, long end,
        boolean isUniqKey, List<QueryResult> answers, CountDownLatch latch) throws InterruptedException {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(topic);
        header.setKey(key);
        header.setMaxNum(maxNum);
        header.setBeginTimestamp(begin);
        header.setEndTimestamp(end);
        try {
            api().queryMessage(addr, header, timeoutMillis * 3, future -> {
                try {
                    RemotingCommand response = future.getResponseCommand();
                    if (response != null && response.getCode() == ResponseCode.SUCCESS) {
                        QueryMessageResponseHeader rh =
                            response.decodeCommandCustomHeader(QueryMessageResponseHeader.class);
                        List<MessageExt> messages = MessageDecoder.decodes(ByteBuffer.wrap(response.getBody()), true);
                        answers.add(new QueryResult(rh.getIndexLastUpdateTimestamp(), messages));
                    }
                } catch (Exception e) {
                    LOG.warn("query answer of {} not decoded: {}", addr, e.toString());
                } finally {
                    latch.countDown();
                }
            }, isUniqKey);
        } catch (RemotingException e) {
            LOG.warn("query of key {} not sent to {}: {}", key, addr, e.toString());
            latch.countDown();
        }
    }

    private QueryResult merge(List<QueryResult> answers, String key, boolean isUniqKey, String topic)
        throws MQClientException {
        long indexLastUpdate = 0;
        List<MessageExt> matched = new ArrayList<>();
        synchronized (answers) {
            for (QueryResult answer : answers) {
                indexLastUpdate = Math.max(indexLastUpdate, answer.getIndexLastUpdateTimestamp());
                for (MessageExt msg : answer.getMessageList()) {
                    if (isUniqKey ? key.equals(msg.getMsgId()) : hasKey(msg, key)) {
                        msg.setTopic(clientConfig.withoutNamespace(msg.getTopic()));
                        matched.add(msg);
                    }
                }
            }
        }
        if (matched.isEmpty()) {
            throw new MQClientException(ResponseCode.NO_MESSAGE,
                "query message by key finished, but no message. topic=" + topic + ", key=" + key);
        }
        return new QueryResult(indexLastUpdate, matched);
    }

    private static boolean hasKey(MessageExt msg, String key) {
        String keys = msg.getKeys();
        return keys != null && Arrays.asList(keys.split(" ")).contains(key);
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
