package org.cometmq.tools.command.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.tools.command.CommandRunner;
import org.cometmq.tools.command.Fixtures;
import org.junit.jupiter.api.Test;

class ClusterListSubCommandTest {
    private static final long NOW = 1_700_000_000_000L;

    private final CommandRunner runner = new CommandRunner();
    private final ClusterListSubCommand command = new ClusterListSubCommand(
        Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void baseInfoShowsEveryBrokerAddressWithItsLoad() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_A)).thenReturn(kv(Map.of(
            "brokerVersionDesc", "V4_9_7", "putTps", "12.5 10.1 9.8", "getTransferedTps", "3.25 1 1",
            "sendThreadPoolQueueSize", "1", "sendThreadPoolQueueHeadWaitTimeMills", "2",
            "pullThreadPoolQueueSize", "3", "pullThreadPoolQueueHeadWaitTimeMills", "4",
            "pageCacheLockTimeMills", "0", "earliestMessageTimeStamp", Long.toString(NOW - 90 * 60 * 1000),
            "commitLogDiskRatio", "0.42")));
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.SLAVE_A)).thenReturn(kv(Map.of(
            "brokerVersionDesc", "V4_9_7", "putTps", "0.0 0.0 0.0", "getTransferedTps", "0.0 0.0 0.0")));
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_B))
            .thenThrow(new RemotingConnectException(Fixtures.MASTER_B));

        assertEquals(0, runner.runWith(command, "clusterList"));
        assertEquals(List.of(
            "#Cluster Name     #Broker Name            #BID  #Addr                  #Version                "
                + "#InTPS(LOAD)       #OutTPS(LOAD) #PCWait(ms) #Hour #SPACE",
            "C1                broker-a                0     127.0.0.1:10911        V4_9_7                  "
                + "12.50(1,2ms)         3.25(3,4ms)          0  1.50 0.4200",
            "C1                broker-a                1     127.0.0.1:10921        V4_9_7                   "
                + "  0.00(,ms)           0.00(,ms)             0.00 0.0000",
            "C1                broker-b                0     127.0.0.1:20911                                 "
                + "  0.00(,ms)           0.00(,ms)             0.00 0.0000",
            ""), runner.outLines());
    }

    @Test
    void moreStatsShowsYesterdayAndTodayTotals() throws Exception {
        HashMap<String, java.util.Set<String>> clusters = new HashMap<>();
        clusters.put("C1", java.util.Set.of("broker-b"));
        clusters.put("C0", java.util.Set.of("broker-a"));
        var info = Fixtures.clusterInfo();
        info.setClusterAddrTable(clusters);
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(info);
        Map<String, String> totals = Map.of("msgPutTotalYesterdayMorning", "100", "msgPutTotalTodayMorning", "250",
            "msgPutTotalTodayNow", "300", "msgGetTotalYesterdayMorning", "90", "msgGetTotalTodayMorning", "240",
            "msgGetTotalTodayNow", "299");
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_A)).thenReturn(kv(totals));
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.SLAVE_A)).thenReturn(kv(totals));
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_B)).thenReturn(kv(Map.of()));

        assertEquals(0, runner.runWith(command, "clusterList", "-m"));
        assertEquals(List.of(
            "#Cluster Name     #Broker Name                       #InTotalYest  #OutTotalYest  #InTotalToday "
                + "#OutTotalToday",
            "C0                broker-a                                    150            150             50"
                + "             59",
            "C0                broker-a                                    150            150             50"
                + "             59",
            "",
            "C1                broker-b                                      0              0              0"
                + "              0",
            ""), runner.outLines());
    }

    private static KVTable kv(Map<String, String> entries) {
        KVTable table = new KVTable();
        table.setTable(new HashMap<>(entries));
        return table;
    }
}
