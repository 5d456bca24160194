package org.cometmq.client.impl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.remoting.RPCHook;

/** The JVM-wide table of client instances, one per client id, so clients with equal settings share one. */
public final class MQClientManager {
    private static final MQClientManager INSTANCE = new MQClientManager();

    private final AtomicInteger factoryIndexGenerator = new AtomicInteger();
    private final ConcurrentMap<String, MQClientInstance> factoryTable = new ConcurrentHashMap<>();

    private MQClientManager() {
    }

    public static MQClientManager getInstance() {
        return INSTANCE;
    }

    public MQClientInstance getOrCreateMQClientInstance(ClientConfig clientConfig) {
        return getOrCreateMQClientInstance(clientConfig, null);
    }

    /** The instance for {@code clientConfig}'s client id, created (not started) from a copy of it when new. */
    public MQClientInstance getOrCreateMQClientInstance(ClientConfig clientConfig, RPCHook rpcHook) {
        String clientId = clientConfig.buildMQClientId();
        return factoryTable.computeIfAbsent(clientId, id -> new MQClientInstance(clientConfig.cloneClientConfig(),
            factoryIndexGenerator.getAndIncrement(), id, rpcHook));
    }

    public void removeClientFactory(String clientId) {
        factoryTable.remove(clientId);
    }
}
