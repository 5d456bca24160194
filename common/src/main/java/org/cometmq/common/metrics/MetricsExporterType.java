package org.cometmq.common.metrics;

/**
 * How a broker or name server exports its metrics ({@code metricsExporterType}, RocketMQ 5's key): not at all,
 * or as a Prometheus text page at {@code http://metricsPromExporterHost:metricsPromExporterPort/metrics}.
 */
public enum MetricsExporterType {
    DISABLE,
    PROM;

    public boolean isEnable() {
        return this != DISABLE;
    }
}
