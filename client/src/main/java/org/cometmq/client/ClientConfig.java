package org.cometmq.client;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.netty.TlsSystemConfig;
import org.cometmq.remoting.protocol.LanguageCode;

/**
 * Settings shared by producers, consumers and admin tools. Clients built from equal settings (same
 * {@link #buildMQClientId() client id}) share one {@code MQClientInstance}: one set of connections and timers.
 */
public class ClientConfig {
    public static final String SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY = "com.rocketmq.sendMessageWithVIPChannel";
    public static final String CLIENT_NAME_PROPERTY = "rocketmq.client.name";
    public static final String DEFAULT_INSTANCE_NAME = "DEFAULT";

    private String namesrvAddr = defaultNamesrvAddr();
    private String clientIP = localIPv4();
    private String instanceName = System.getProperty(CLIENT_NAME_PROPERTY, DEFAULT_INSTANCE_NAME);
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    protected String namespace;
    /** How often the routes of every used topic are fetched from the name server. */
    private int pollNameServerInterval = 1000 * 30;
    /** How often every broker gets this client's heartbeat. */
    private int heartbeatBrokerInterval = 1000 * 30;
    /** How often consumers commit their offsets. */
    private int persistConsumerOffsetInterval = 1000 * 5;
    private long pullTimeDelayMillsWhenException = 1000;
    private boolean unitMode = false;
    private String unitName;
    private boolean vipChannelEnabled =
        Boolean.parseBoolean(System.getProperty(SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY, "false"));
    /** Default: the JVM property {@code tls.enable}, as RocketMQ 4.9 reads it. */
    private boolean useTLS = TlsSystemConfig.clientTlsEnabled();
    private LanguageCode language = LanguageCode.JAVA;
    /** Timeout of the client's own requests (route, heartbeat, offsets, locks). */
    private int mqClientApiTimeout = 3 * 1000;
    protected AccessChannel accessChannel = AccessChannel.LOCAL;

    /** {@code clientIP@instanceName[@unitName]}: the id brokers know this client by. */
    public String buildMQClientId() {
        StringBuilder sb = new StringBuilder();
        sb.append(clientIP).append('@').append(instanceName);
        if (!UtilAll.isBlank(unitName)) {
            sb.append('@').append(unitName);
        }
        return sb.toString();
    }

    /** Replaces the default instance name with {@code <pid>#<nanoTime>}, so two clients of a JVM get two ids. */
    public void changeInstanceNameToPID() {
        if (DEFAULT_INSTANCE_NAME.equals(instanceName)) {
            instanceName = UtilAll.getPid() + "#" + System.nanoTime();
        }
    }

    public String withNamespace(String resource) {
        return NamespaceUtil.wrapNamespace(getNamespace(), resource);
    }

    public Set<String> withNamespace(Set<String> resources) {
        Set<String> result = new HashSet<>();
        for (String resource : resources) {
            result.add(withNamespace(resource));
        }
        return result;
    }

    public String withoutNamespace(String resource) {
        return NamespaceUtil.withoutNamespace(resource, getNamespace());
    }

    public Set<String> withoutNamespace(Set<String> resources) {
        Set<String> result = new HashSet<>();
        for (String resource : resources) {
            result.add(withoutNamespace(resource));
        }
        return result;
    }

    public MessageQueue queueWithNamespace(MessageQueue queue) {
        if (UtilAll.isBlank(getNamespace())) {
            return queue;
        }
        return new MessageQueue(withNamespace(queue.getTopic()), queue.getBrokerName(), queue.getQueueId());
    }

    public Collection<MessageQueue> queuesWithNamespace(Collection<MessageQueue> queues) {
        if (UtilAll.isBlank(getNamespace())) {
            return queues;
        }
        for (MessageQueue queue : queues) {
            queue.setTopic(withNamespace(queue.getTopic()));
        }
        return queues;
    }

    /** Copies every setting of {@code cc} into this config. */
    public void resetClientConfig(ClientConfig cc) {
        this.namesrvAddr = cc.namesrvAddr;
        this.clientIP = cc.clientIP;
        this.instanceName = cc.instanceName;
        this.clientCallbackExecutorThreads = cc.clientCallbackExecutorThreads;
        this.namespace = cc.namespace;
        this.pollNameServerInterval = cc.pollNameServerInterval;
        this.heartbeatBrokerInterval = cc.heartbeatBrokerInterval;
        this.persistConsumerOffsetInterval = cc.persistConsumerOffsetInterval;
        this.pullTimeDelayMillsWhenException = cc.pullTimeDelayMillsWhenException;
        this.unitMode = cc.unitMode;
        this.accessChannel = cc.accessChannel;
        this.unitName = cc.unitName;
        this.vipChannelEnabled = cc.vipChannelEnabled;
        this.useTLS = cc.useTLS;
        this.language = cc.language;
        this.mqClientApiTimeout = cc.mqClientApiTimeout;
    }

    public ClientConfig cloneClientConfig() {
        ClientConfig cc = new ClientConfig();
        cc.resetClientConfig(this);
        return cc;
    }

    private static String defaultNamesrvAddr() {
        return System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY, System.getenv(MixAll.NAMESRV_ADDR_ENV));
    }

    /** The first non-loopback IPv4 address of this host, else 127.0.0.1; only an identifier, never dialled. */
    private static String localIPv4() {
        byte[] ip = UtilAll.getIP();
        return ip.length == 4 ? UtilAll.ipToIPv4Str(ip) : "127.0.0.1";
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    /** Name server addresses, {@code host:port} separated by {@code ;}. */
    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getClientIP() {
        return clientIP;
    }

    public void setClientIP(String clientIP) {
        this.clientIP = clientIP;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public void setClientCallbackExecutorThreads(int clientCallbackExecutorThreads) {
        this.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public int getPollNameServerInterval() {
        return pollNameServerInterval;
    }

    public void setPollNameServerInterval(int pollNameServerInterval) {
        this.pollNameServerInterval = pollNameServerInterval;
    }

    public int getHeartbeatBrokerInterval() {
        return heartbeatBrokerInterval;
    }

    public void setHeartbeatBrokerInterval(int heartbeatBrokerInterval) {
        this.heartbeatBrokerInterval = heartbeatBrokerInterval;
    }

    public int getPersistConsumerOffsetInterval() {
        return persistConsumerOffsetInterval;
    }

    public void setPersistConsumerOffsetInterval(int persistConsumerOffsetInterval) {
        this.persistConsumerOffsetInterval = persistConsumerOffsetInterval;
    }

    public long getPullTimeDelayMillsWhenException() {
        return pullTimeDelayMillsWhenException;
    }

    public void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        this.pullTimeDelayMillsWhenException = pullTimeDelayMillsWhenException;
    }

    public boolean isUnitMode() {
        return unitMode;
    }

    public void setUnitMode(boolean unitMode) {
        this.unitMode = unitMode;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public boolean isVipChannelEnabled() {
        return vipChannelEnabled;
    }

    public void setVipChannelEnabled(boolean vipChannelEnabled) {
        this.vipChannelEnabled = vipChannelEnabled;
    }

    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getMqClientApiTimeout() {
        return mqClientApiTimeout;
    }

    public void setMqClientApiTimeout(int mqClientApiTimeout) {
        this.mqClientApiTimeout = mqClientApiTimeout;
    }

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    @Override
    public String toString() {
        return "ClientConfig [namesrvAddr=" + namesrvAddr + ", clientIP=" + clientIP + ", instanceName=" + instanceName
            + ", clientCallbackExecutorThreads=" + clientCallbackExecutorThreads + ", namespace=" + namespace
            + ", pollNameServerInterval=" + pollNameServerInterval + ", heartbeatBrokerInterval="
            + heartbeatBrokerInterval + ", persistConsumerOffsetInterval=" + persistConsumerOffsetInterval
            + ", unitMode=" + unitMode + ", unitName=" + unitName + ", vipChannelEnabled=" + vipChannelEnabled
            + ", useTLS=" + useTLS + ", language=" + language + ", mqClientApiTimeout=" + mqClientApiTimeout + "]";
    }
}
