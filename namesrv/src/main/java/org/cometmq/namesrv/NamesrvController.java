package org.cometmq.namesrv;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.acl.plain.AclFileWatcher;
import org.cometmq.namesrv.config.NamesrvConfiguration;
import org.cometmq.namesrv.kvconfig.KVConfigManager;
import org.cometmq.namesrv.metrics.NamesrvMetricsManager;
import org.cometmq.namesrv.processor.DefaultRequestProcessor;
import org.cometmq.namesrv.routeinfo.BrokerHousekeepingService;
import org.cometmq.namesrv.routeinfo.RouteInfoManager;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.netty.NettyRemotingServer;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the name server: route and KV managers, the request processor on its executor, the remoting server,
 * and two periodic tasks (inactive-broker scan, KV config log line). Starts and stops them in order; every
 * stop is bounded in time.
 */
public class NamesrvController {
    private static final Logger log = LoggerFactory.getLogger(NamesrvController.class);
    private static final long FIRST_SCAN_DELAY_MILLIS = 5_000;
    private static final long KV_PRINT_PERIOD_MILLIS = 10 * 60 * 1000;
    private static final int REQUEST_QUEUE_CAPACITY = 10_000;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;
    private final Clock clock;
    private final KVConfigManager kvConfigManager;
    private final RouteInfoManager routeInfoManager;
    private final NamesrvConfiguration configuration;
    private RemotingServer remotingServer;
    private AclFileWatcher aclWatcher;
    private NamesrvMetricsManager metricsManager;
    private ExecutorService remotingExecutor;
    private ScheduledExecutorService scheduledExecutorService;
    private final AtomicBoolean stopped = new AtomicBoolean(false);

    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig) {
        this(namesrvConfig, nettyServerConfig, Clock.systemUTC());
    }

    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig, Clock clock) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.clock = clock;
        this.kvConfigManager = new KVConfigManager(namesrvConfig.getKvConfigPath());
        this.routeInfoManager = new RouteInfoManager(namesrvConfig.getBrokerChannelExpiredTime(), clock);
        this.configuration = new NamesrvConfiguration(namesrvConfig, nettyServerConfig);
    }

    /** Loads the KV config and builds the server, executor and scheduled tasks; false when the KV file is broken. */
    public boolean initialize() {
        try {
            kvConfigManager.load();
        } catch (IllegalStateException e) {
            log.error("name server cannot start: {}", e.getMessage());
            return false;
        }
        remotingServer = new NettyRemotingServer(nettyServerConfig, new BrokerHousekeepingService(routeInfoManager));
        int workers = Math.max(1, nettyServerConfig.getServerWorkerThreads());
        ThreadPoolExecutor requestExecutor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(REQUEST_QUEUE_CAPACITY), new NamedThreadFactory("RemotingExecutorThread"));
        remotingExecutor = requestExecutor;
        metricsManager = NamesrvMetricsManager.create(namesrvConfig, nettyServerConfig, remotingServer,
            requestExecutor);
        DefaultRequestProcessor processor =
            new DefaultRequestProcessor(routeInfoManager, kvConfigManager, configuration, clock);
        for (int code : processor.requestCodes()) {
            remotingServer.registerProcessor(code, processor, remotingExecutor);
        }
        if (namesrvConfig.isAclEnable()) {
            aclWatcher = NamesrvAcl.install(namesrvConfig, remotingServer);
        }

        ScheduledThreadPoolExecutor scheduler =
            new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("NSScheduledThread", true));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduledExecutorService = scheduler;
        long scanInterval = namesrvConfig.getScanNotActiveBrokerInterval();
        if (scanInterval <= 0) {
            log.warn("scanNotActiveBrokerInterval={} is not positive, using 10000 ms", scanInterval);
            scanInterval = 10_000;
        }
        scheduledExecutorService.scheduleAtFixedRate(this::scanNotActiveBroker, FIRST_SCAN_DELAY_MILLIS,
            scanInterval, TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(this::printKVConfig, 60_000, KV_PRINT_PERIOD_MILLIS,
            TimeUnit.MILLISECONDS);
        return true;
    }

    private void scanNotActiveBroker() {
        try {
            routeInfoManager.scanNotActiveBroker();
        } catch (RuntimeException e) {
            log.error("inactive broker scan failed", e);
        }
    }

    private void printKVConfig() {
        try {
            kvConfigManager.printAllPeriodically();
        } catch (RuntimeException e) {
            log.error("printing KV config failed", e);
        }
    }

    public void start() throws Exception {
        if (aclWatcher != null) {
            aclWatcher.start();
        }
        remotingServer.start();
        metricsManager.start();
    }

    /** Stops periodic tasks, then the server (no new requests), then the request executor. Runs once. */
    public void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (scheduledExecutorService != null) {
            scheduledExecutorService.shutdownNow();
        }
        if (aclWatcher != null) {
            aclWatcher.shutdown();
        }
        if (remotingServer != null) {
            remotingServer.shutdown();
        }
        if (metricsManager != null) {
            metricsManager.shutdown();
        }
        if (remotingExecutor != null) {
            remotingExecutor.shutdown();
            try {
                if (!remotingExecutor.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    log.warn("request executor still busy after {} ms, interrupting", STOP_WAIT_MILLIS);
                    remotingExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                remotingExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        log.info("name server stopped");
    }

    public NamesrvConfig getNamesrvConfig() {
        return namesrvConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }

    public KVConfigManager getKvConfigManager() {
        return kvConfigManager;
    }

    public RouteInfoManager getRouteInfoManager() {
        return routeInfoManager;
    }

    public RemotingServer getRemotingServer() {
        return remotingServer;
    }

    public NamesrvConfiguration getConfiguration() {
        return configuration;
    }
}
