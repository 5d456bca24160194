package org.cometmq.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.cometmq.common.MixAll;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.junit.jupiter.api.Test;

/** What GET_NAMESRV_CONFIG reports and which keys UPDATE_NAMESRV_CONFIG refuses. */
class NamesrvConfigurationReportTest {

    private static NamesrvConfiguration configuration() {
        NamesrvConfig config = new NamesrvConfig();
        config.setCometHome("/opt/cometmq");
        return new NamesrvConfiguration(config, new NettyServerConfig());
    }

    @Test
    void theReportHasExactly497sKeysWithTheHomeAsRocketmqHome() {
        Properties reported = MixAll.string2Properties(configuration().getReportedConfigsFormatString());
        assertEquals(new TreeSet<>(Set.of("clusterTest", "configStorePath", "kvConfigPath", "listenPort",
            "orderMessageEnable", "productEnvName", "rocketmqHome", "serverAsyncSemaphoreValue",
            "serverCallbackExecutorThreads", "serverChannelMaxIdleTimeSeconds", "serverOnewaySemaphoreValue",
            "serverPooledByteBufAllocatorEnable", "serverSelectorThreads", "serverSocketBacklog",
            "serverSocketRcvBufSize", "serverSocketSndBufSize", "serverWorkerThreads", "useEpollNativeSelector",
            "writeBufferHighWaterMark", "writeBufferLowWaterMark")), new TreeSet<>(reported.stringPropertyNames()));
        assertEquals("/opt/cometmq", reported.getProperty("rocketmqHome"));
    }

    @Test
    void unknownAndUnimplementedKeysAreRefusedAndCometMqsOwnAccepted() {
        Properties update = new Properties();
        update.setProperty("noSuchSetting", "1");
        update.setProperty("clusterTest", "true");
        update.setProperty("orderMessageEnable", "true");
        update.setProperty("scanNotActiveBrokerInterval", "5000");
        Map<String, String> refused = configuration().unsettableKeys(update);
        assertEquals(Map.of("noSuchSetting", "noSuchSetting is not a name server setting",
            "clusterTest", "clusterTest is a RocketMQ 4.9.7 setting that CometMQ does not implement: setting it would"
                + " change nothing"), refused);
    }
}
