package org.cometmq.broker.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** Builds one gauge family of a scrape-time collector, with the server's constant labels on every point. */
final class GaugeFamily {
    private final GaugeSnapshot.Builder builder;
    private final Labels constLabels;

    GaugeFamily(String name, String help, Labels constLabels) {
        this.builder = GaugeSnapshot.builder().name(name).help(help);
        this.constLabels = constLabels;
    }

    /** Adds a point; {@code labels} are name, value, name, value... */
    GaugeFamily add(double value, String... labels) {
        builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value)
            .labels(constLabels.merge(Labels.of(labels))).build());
        return this;
    }

    GaugeSnapshot build() {
        return builder.build();
    }
}
