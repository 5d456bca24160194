package org.cometmq.broker.out;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.UtilAll;
import org.cometmq.common.namesrv.NameServerAddresses;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.cometmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.cometmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's outgoing requests: to the name servers, register (to all of them in parallel) and unregister; to
 * its master, when it is a slave, the four metadata reads of the slave synchronisation.
 */
public class BrokerOuterAPI implements MasterMetadataSource {
    private static final Logger log = LoggerFactory.getLogger(BrokerOuterAPI.class);
    private static final int UNREGISTER_TIMEOUT_MILLIS = 3_000;
    private static final int MASTER_READ_TIMEOUT_MILLIS = 3_000;

    private final RemotingClient remotingClient;
    private final ExecutorService registerExecutor = new ThreadPoolExecutor(4, 10, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(32), new NamedThreadFactory("BrokerOuterAPI"));

    public BrokerOuterAPI(RemotingClient remotingClient) {
        this.remotingClient = remotingClient;
    }

    public void start() {
        remotingClient.start();
    }

    public void shutdown() {
        remotingClient.shutdown();
        registerExecutor.shutdown();
    }

    /** Sets the name server list from {@code "host:port;host:port"}. */
    public void updateNameServerAddressList(String addrs) {
        remotingClient.updateNameServerAddressList(NameServerAddresses.parse(addrs));
    }

    public List<String> getNameServerAddressList() {
        return remotingClient.getNameServerAddressList();
    }

    /**
     * Registers with every name server at once and waits up to {@code timeoutMillis} for all of them.
     * Returns the results of those that answered SUCCESS (none for oneway).
     */
    public List<RegisterBrokerResult> registerBrokerAll(BrokerIdentity identity, TopicConfigSerializeWrapper topics,
                                                        boolean oneway, int timeoutMillis, boolean compressed) {
        List<String> nameServers = remotingClient.getNameServerAddressList();
        List<RegisterBrokerResult> results = Collections.synchronizedList(new ArrayList<>());
        if (nameServers == null || nameServers.isEmpty()) {
            return results;
        }
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(topics);
        byte[] bytes = body.encode(compressed);
        CountDownLatch latch = new CountDownLatch(nameServers.size());
        for (String addr : nameServers) {
            try {
                registerExecutor.execute(() -> {
                    try {
                        RegisterBrokerResult result = registerBroker(addr, identity, bytes, compressed, oneway, timeoutMillis);
                        if (result != null) {
                            results.add(result);
                        }
                    } catch (Exception e) {
                        log.warn("registering {} with name server {} failed: {}", identity, addr, e.toString());
                    } finally {
                        latch.countDown();
                    }
                });
            } catch (RejectedExecutionException e) {
                log.warn("registration with {} skipped: too many registrations in flight", addr);
                latch.countDown();
            }
        }
        try {
            if (!latch.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                log.warn("registration of {} with {} name servers did not finish within {} ms", identity,
                    nameServers.size(), timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(results);
    }

    private RegisterBrokerResult registerBroker(String addr, BrokerIdentity identity, byte[] body, boolean compressed,
                                                boolean oneway, int timeoutMillis)
        throws RemotingException, InterruptedException, RemotingCommandException {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerAddr(identity.brokerAddr());
        header.setBrokerId(identity.brokerId());
        header.setBrokerName(identity.brokerName());
        header.setClusterName(identity.clusterName());
        header.setHaServerAddr(identity.haServerAddr());
        header.setCompressed(compressed);
        header.setBodyCrc32(UtilAll.crc32(body));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(body);
        if (oneway) {
            remotingClient.invokeOneway(addr, request, timeoutMillis);
            return null;
        }
        RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
        if (response.getCode() != ResponseCode.SUCCESS) {
            log.warn("name server {} refused registration of {}: code {} {}", addr, identity, response.getCode(),
                response.getRemark());
            return null;
        }
        RegisterBrokerResponseHeader responseHeader =
            response.decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
        RegisterBrokerResult result = new RegisterBrokerResult();
        result.setMasterAddr(responseHeader.getMasterAddr());
        result.setHaServerAddr(responseHeader.getHaServerAddr());
        if (response.getBody() != null) {
            result.setKvTable(RemotingSerializable.decode(response.getBody(), KVTable.class));
        }
        log.debug("registered {} with name server {}", identity, addr);
        return result;
    }

    /** Tells every name server the broker is leaving; failures are logged. */
    public void unregisterBrokerAll(BrokerIdentity identity) {
        List<String> nameServers = remotingClient.getNameServerAddressList();
        if (nameServers == null) {
            return;
        }
        for (String addr : nameServers) {
            UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
            header.setBrokerAddr(identity.brokerAddr());
            header.setBrokerId(identity.brokerId());
            header.setBrokerName(identity.brokerName());
            header.setClusterName(identity.clusterName());
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, header);
            try {
                RemotingCommand response = remotingClient.invokeSync(addr, request, UNREGISTER_TIMEOUT_MILLIS);
                log.info("unregistered {} from name server {}: code {}", identity, addr, response.getCode());
            } catch (RemotingException e) {
                log.warn("unregistering {} from name server {} failed: {}", identity, addr, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The master's topic table, asked on its VIP port (listen port - 2) as 4.9.7 slaves ask it. */
    @Override
    public TopicConfigSerializeWrapper getAllTopicConfig(String masterAddr)
        throws RemotingException, InterruptedException {
        byte[] body = readFromMaster(MixAll.brokerVIPChannel(true, masterAddr), RequestCode.GET_ALL_TOPIC_CONFIG);
        return RemotingSerializable.decode(body, TopicConfigSerializeWrapper.class);
    }

    /** The master's committed consumer offsets. */
    @Override
    public ConsumerOffsetSerializeWrapper getAllConsumerOffset(String masterAddr)
        throws RemotingException, InterruptedException {
        byte[] body = readFromMaster(masterAddr, RequestCode.GET_ALL_CONSUMER_OFFSET);
        return RemotingSerializable.decode(body, ConsumerOffsetSerializeWrapper.class);
    }

    /** The master's delayOffset.json text, as it answers it. */
    @Override
    public String getAllDelayOffset(String masterAddr)
        throws RemotingException, InterruptedException {
        return new String(readFromMaster(masterAddr, RequestCode.GET_ALL_DELAY_OFFSET), StandardCharsets.UTF_8);
    }

    /** The master's subscription groups. */
    @Override
    public SubscriptionGroupWrapper getAllSubscriptionGroupConfig(String masterAddr)
        throws RemotingException, InterruptedException {
        byte[] body = readFromMaster(masterAddr, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG);
        return RemotingSerializable.decode(body, SubscriptionGroupWrapper.class);
    }

    private byte[] readFromMaster(String addr, int code)
        throws RemotingException, InterruptedException {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        RemotingCommand response = remotingClient.invokeSync(addr, request, MASTER_READ_TIMEOUT_MILLIS);
        if (response.getCode() != ResponseCode.SUCCESS || response.getBody() == null) {
            throw new RemotingCommandException("master " + addr + " answered request " + code + " with code "
                + response.getCode() + ": " + response.getRemark());
        }
        return response.getBody();
    }
}
