package org.cometmq.broker.integration;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DistributionDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.util.ArrayList;
import java.util.List;

/** One scrape of a registry, and the data point of a metric whose labels include the given ones. */
final class MetricValues {
    private final MetricSnapshots snapshots;

    MetricValues(PrometheusRegistry registry) {
        this.snapshots = registry.scrape();
    }

    /** The metric names of the scrape, as the text format writes them (counters with {@code _total}). */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            String name = snapshot.getMetadata().getPrometheusName();
            names.add(snapshot instanceof CounterSnapshot ? name + "_total" : name);
        }
        return names;
    }

    DataPointSnapshot point(String name, String... labels) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        for (MetricSnapshot snapshot : snapshots) {
            if (!snapshot.getMetadata().getPrometheusName().equals(base)) {
                continue;
            }
            for (DataPointSnapshot point : snapshot.getDataPoints()) {
                if (matches(point, labels)) {
                    return point;
                }
            }
            throw new AssertionError("no point of " + name + " with " + String.join(",", labels));
        }
        throw new AssertionError("no metric " + name + " in " + names());
    }

    private static boolean matches(DataPointSnapshot point, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(point.getLabels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A counter's or gauge's value. */
    double value(String name, String... labels) {
        DataPointSnapshot point = point(name, labels);
        if (point instanceof CounterSnapshot.CounterDataPointSnapshot counter) {
            return counter.getValue();
        }
        return ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue();
    }

    /** A histogram's number of observations. */
    long count(String name, String... labels) {
        return ((DistributionDataPointSnapshot) point(name, labels)).getCount();
    }

    double sum(String name, String... labels) {
        return ((DistributionDataPointSnapshot) point(name, labels)).getSum();
    }
}
