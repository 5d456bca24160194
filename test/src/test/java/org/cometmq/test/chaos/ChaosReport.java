package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one chaos scenario, OpenChaos style: how many messages were sent, acknowledged (SEND_OK), failed,
 * received (distinct ids), lost (acknowledged but never received) and duplicated (extra deliveries), and how long
 * the cluster took to acknowledge a send again after each fault. Printed, then asserted by the scenario.
 */
final class ChaosReport {
    private final String scenario;
    private final long sent;
    private final long acknowledged;
    private final long failed;
    private final long received;
    private final long lost;
    private final long duplicated;
    private final List<String> recoveries = new ArrayList<>();

    ChaosReport(String scenario, long sent, long acknowledged, long failed, long received, long lost,
                long duplicated) {
        this.scenario = scenario;
        this.sent = sent;
        this.acknowledged = acknowledged;
        this.failed = failed;
        this.received = received;
        this.lost = lost;
        this.duplicated = duplicated;
    }

    /** Adds the recovery times the scenario measured, in fault order. */
    ChaosReport withRecoveries(List<String> faultRecoveries) {
        recoveries.addAll(faultRecoveries);
        return this;
    }

    /** The report as printed: one header line, one counts line, one line per fault. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "chaos report [%s]%n", scenario));
        out.append(String.format(Locale.ROOT, "  %-10s %-10s %-8s %-10s %-6s %-10s%n", "sent", "acked", "failed",
            "received", "lost", "duplicated"));
        out.append(String.format(Locale.ROOT, "  %-10d %-10d %-8d %-10d %-6d %-10d%n", sent, acknowledged, failed,
            received, lost, duplicated));
        for (String recovery : recoveries) {
            out.append("  fault: ").append(recovery).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Prints the report and asserts what every scenario promises: nothing acknowledged is lost. */
    ChaosReport printAndAssertNoLoss(long minAcknowledged) {
        System.out.print(render());
        assertTrue(acknowledged >= minAcknowledged, "too little load to judge: " + render());
        assertEquals(0, lost, "acknowledged messages lost: " + render());
        assertTrue(received >= acknowledged, render());
        return this;
    }

    long acknowledged() {
        return acknowledged;
    }

    long duplicated() {
        return duplicated;
    }
}
