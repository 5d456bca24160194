package org.cometmq.common.namesrv;

import java.io.File;
import org.cometmq.common.metrics.MetricsExporterType;

/**
 * Name-server settings, filled from a properties file ({@code -c}) by setter name. Defaults match the
 * RocketMQ 4.9 name server; the two timing fields exist so tests and small deployments can shorten them.
 */
public class NamesrvConfig {
    /** System property and environment variable naming the installation directory. */
    public static final String COMET_HOME_PROPERTY = "comet.home.dir";
    public static final String COMET_HOME_ENV = "COMET_HOME";

    private String cometHome = System.getProperty(COMET_HOME_PROPERTY, System.getenv(COMET_HOME_ENV));
    /** Where the KV config (namespaces such as ORDER_TOPIC_CONFIG) is persisted. */
    private String kvConfigPath = userHomePath("kvConfig.json");
    /** Where UPDATE_NAMESRV_CONFIG persists the effective properties. */
    private String configStorePath = userHomePath("namesrv.properties");
    private String productEnvName = "center";
    private boolean clusterTest = false;
    /** When true, route answers carry orderTopicConf from the ORDER_TOPIC_CONFIG namespace. */
    private boolean orderMessageEnable = false;
    /** Period of the inactive-broker scan, in milliseconds. */
    private long scanNotActiveBrokerInterval = 10_000;
    /** A broker silent for longer than this (milliseconds) is removed with its routes. */
    private long brokerChannelExpiredTime = 120_000;
    /** Keys that UPDATE_NAMESRV_CONFIG must refuse to change, separated by ';'. */
    private String configBlackList = "configBlackList;configStorePath;kvConfigPath";
    /**
     * Require a signed admin account of {@code <cometHome>/conf/plain_acl.yml} for the codes that change the name
     * server (config, KV, topic deletion, broker write permission). Route queries and registrations stay open.
     */
    private boolean aclEnable = false;

    /** {@code DISABLE} (default) or {@code PROM}: serve {@code /metrics} in the Prometheus text format. */
    private MetricsExporterType metricsExporterType = MetricsExporterType.DISABLE;
    /** Address the metrics page binds to; blank means every interface. */
    private String metricsPromExporterHost = "";
    private int metricsPromExporterPort = 5558;

    private static String userHomePath(String fileName) {
        return System.getProperty("user.home") + File.separator + "namesrv" + File.separator + fileName;
    }

    public boolean isAclEnable() {
        return aclEnable;
    }

    public void setAclEnable(boolean aclEnable) {
        this.aclEnable = aclEnable;
    }

    public String getCometHome() {
        return cometHome;
    }

    public void setCometHome(String cometHome) {
        this.cometHome = cometHome;
    }

    /** Alias of {@link #getCometHome()} so RocketMQ-style config files keep working. */
    public String getRocketmqHome() {
        return cometHome;
    }

    /** Alias of {@link #setCometHome(String)} so RocketMQ-style config files keep working. */
    public void setRocketmqHome(String rocketmqHome) {
        this.cometHome = rocketmqHome;
    }

    public String getKvConfigPath() {
        return kvConfigPath;
    }

    public void setKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    public String getConfigStorePath() {
        return configStorePath;
    }

    public void setConfigStorePath(String configStorePath) {
        this.configStorePath = configStorePath;
    }

    public String getProductEnvName() {
        return productEnvName;
    }

    public void setProductEnvName(String productEnvName) {
        this.productEnvName = productEnvName;
    }

    public boolean isClusterTest() {
        return clusterTest;
    }

    public void setClusterTest(boolean clusterTest) {
        this.clusterTest = clusterTest;
    }

    public boolean isOrderMessageEnable() {
        return orderMessageEnable;
    }

    public void setOrderMessageEnable(boolean orderMessageEnable) {
        this.orderMessageEnable = orderMessageEnable;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public long getBrokerChannelExpiredTime() {
        return brokerChannelExpiredTime;
    }

    public void setBrokerChannelExpiredTime(long brokerChannelExpiredTime) {
        this.brokerChannelExpiredTime = brokerChannelExpiredTime;
    }

    public String getConfigBlackList() {
        return configBlackList;
    }

    public void setConfigBlackList(String configBlackList) {
        this.configBlackList = configBlackList;
    }

    public MetricsExporterType getMetricsExporterType() {
        return metricsExporterType;
    }

    public void setMetricsExporterType(MetricsExporterType metricsExporterType) {
        this.metricsExporterType = metricsExporterType;
    }

    public String getMetricsPromExporterHost() {
        return metricsPromExporterHost;
    }

    public void setMetricsPromExporterHost(String metricsPromExporterHost) {
        this.metricsPromExporterHost = metricsPromExporterHost;
    }

    public int getMetricsPromExporterPort() {
        return metricsPromExporterPort;
    }

    public void setMetricsPromExporterPort(int metricsPromExporterPort) {
        this.metricsPromExporterPort = metricsPromExporterPort;
    }
}
