package org.cometmq.tools.command.cluster;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.common.message.Message;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.message.CheckMsgSendRTCommand;

/**
 * {@code clusterRT}: a monitor that, every {@code -i} seconds until stopped, sends {@code -a} messages of
 * {@code -s} bytes to each broker of each cluster (to the topic named after the broker, which every broker
 * serves) and prints the average send time of all sends but the first, with the success and failure counts.
 * {@code -p true} prints each result as one {@code time|room|cluster|broker|rt} log line (time in GMT+8, as
 * 4.9.7 does). (The class name keeps 4.9.7's spelling.)
 */
public class CLusterSendMsgRTCommand implements SubCommand {
    /** Waits between rounds; a test passes one that does not sleep. */
    public interface Pause {
        void seconds(long seconds) throws InterruptedException;
    }

    private final long maxRounds;
    private final Pause pause;

    /** The command as {@code mqadmin} runs it: rounds until the process is stopped. */
    public CLusterSendMsgRTCommand() {
        this(Long.MAX_VALUE, seconds -> Thread.sleep(seconds * 1000));
    }

    /** A command that stops after {@code maxRounds} rounds. */
    public CLusterSendMsgRTCommand(long maxRounds, Pause pause) {
        this.maxRounds = maxRounds;
        this.pause = pause;
    }

    @Override
    public String commandName() {
        return "clusterRT";
    }

    @Override
    public String commandDesc() {
        return "List All clusters Message Send RT";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        Settings settings = new Settings(OptionValues.longValue(commandLine, 'a', 100),
            OptionValues.longValue(commandLine, 's', 128), OptionValues.boolValue(commandLine, 'p', false),
            commandLine.hasOption('m') ? OptionValues.string(commandLine, 'm') : "noname");
        long interval = OptionValues.longValue(commandLine, 'i', 10);
        Map<String, Set<String>> clusters = context.admin().examineBrokerClusterInfo().getClusterAddrTable();
        Set<String> clusterNames = commandLine.hasOption('c')
            ? new TreeSet<>(Set.of(OptionValues.string(commandLine, 'c'))) : clusters.keySet();
        PrintStream out = context.out();
        MQProducer producer = context.producer();
        if (!settings.printAsLog) {
            out.printf("%-24s  %-24s  %-4s  %-8s  %-8s%n", "#Cluster Name", "#Broker Name", "#RT", "#successCount",
                "#failCount");
        }
        for (long round = 0; round < maxRounds; round++) {
            if (round > 0) {
                pause.seconds(interval);
            }
            printRound(clusters, clusterNames, settings, producer, out);
            out.flush();
        }
    }

    private static void printRound(Map<String, Set<String>> clusters, Set<String> clusterNames, Settings settings,
        MQProducer producer, PrintStream out) {
        for (String clusterName : clusterNames) {
            Set<String> brokerNames = clusters.get(clusterName);
            if (brokerNames == null) {
                out.printf("cluster [%s] not exist%n", clusterName);
                return;
            }
            for (String brokerName : brokerNames) {
                printBroker(clusterName, brokerName, settings, producer, out);
            }
        }
    }

    private static void printBroker(String clusterName, String brokerName, Settings settings, MQProducer producer,
        PrintStream out) {
        Message message = new Message(brokerName, CheckMsgSendRTCommand.body(settings.size));
        int successCount = 0;
        int failCount = 0;
        long elapsed = 0;
        for (int i = 0; i < settings.amount; i++) {
            long start = System.currentTimeMillis();
            try {
                producer.send(message);
                successCount++;
            } catch (Exception e) {
                failCount++;
            }
            if (i != 0) {
                elapsed += System.currentTimeMillis() - start;
            }
        }
        double rt = (double) elapsed / (settings.amount - 1);
        if (settings.printAsLog) {
            out.printf("%s|%s|%s|%s|%s%n", currentTimeGmt8(), settings.machineRoom, clusterName, brokerName,
                new BigDecimal(rt).setScale(0, RoundingMode.HALF_UP));
        } else {
            out.printf("%-24s  %-24s  %-8s  %-16s  %-16s%n", clusterName, brokerName, String.format("%.2f", rt),
                successCount, failCount);
        }
    }

    private static String currentTimeGmt8() {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        format.setTimeZone(TimeZone.getTimeZone("GMT+8"));
        return format.format(new Date());
    }

    private record Settings(long amount, long size, boolean printAsLog, String machineRoom) {
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .value("c", "cluster", "cluster name | default display all cluster")
            .value("a", "amount", "message amount | default 100")
            .value("s", "size", "message size | default 128 Byte")
            .value("p", "print log", "print as tlog | default false")
            .value("m", "machine room", "machine room name | default noname")
            .value("i", "interval", "print interval | default 10 seconds")
            .options();
    }
}
