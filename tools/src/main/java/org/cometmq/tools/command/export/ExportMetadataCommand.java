package org.cometmq.tools.command.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code exportMetadata}: the user topics ({@code -s} adds retry and DLQ topics) and subscription groups, as JSON
 * files under {@code -f}. With {@code -b} one broker's topics ({@code -t}, topic.json) or groups ({@code -g},
 * subscriptionGroup.json) as the broker answers them; with {@code -c} the cluster's masters merged (queue counts
 * and retry queue counts summed over brokers) into topic.json, subscriptionGroup.json or, without {@code -t} and
 * {@code -g}, both in metadata.json with the export time.
 */
public class ExportMetadataCommand implements SubCommand {
    /** Where the export files go unless {@code -f} says otherwise, as in 4.9.7. */
    public static final String DEFAULT_FILE_PATH = "/tmp/rocketmq/export";
    private static final long TIMEOUT_MILLIS = 10_000;

    /** {@code -c} (required) and {@code -f}, as the cluster-wide exports take them. */
    static Options clusterOptions(Options options, String fileName) {
        return CommandOptions.to(options)
            .required("c", "clusterName", "choose a cluster to export")
            .value("f", "filePath", "export " + fileName + " path | default " + DEFAULT_FILE_PATH)
            .options();
    }

    /** The folder of {@code -f}, or the default one. */
    static String filePath(CommandLine commandLine) {
        return commandLine.hasOption('f') ? OptionValues.string(commandLine, 'f') : DEFAULT_FILE_PATH;
    }

    @Override
    public String commandName() {
        return "exportMetadata";
    }

    @Override
    public String commandDesc() {
        return "export metadata";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String filePath = filePath(commandLine);
        boolean specialTopic = commandLine.hasOption('s');
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            exportBroker(commandLine, admin, OptionValues.string(commandLine, 'b'), filePath, specialTopic, context);
        } else if (commandLine.hasOption('c')) {
            exportCluster(commandLine, admin, filePath, specialTopic, context);
        } else {
            throw new SubCommandException("exportMetadata needs -b <broker address> or -c <cluster name>");
        }
    }

    private static void exportBroker(CommandLine commandLine, MQAdminExt admin, String brokerAddr, String filePath,
        boolean specialTopic, CommandContext context) throws Exception {
        Object exported;
        String file;
        if (commandLine.hasOption('t')) {
            exported = admin.getUserTopicConfig(brokerAddr, specialTopic, TIMEOUT_MILLIS);
            file = filePath + "/topic.json";
        } else if (commandLine.hasOption('g')) {
            exported = admin.getUserSubscriptionGroup(brokerAddr, TIMEOUT_MILLIS);
            file = filePath + "/subscriptionGroup.json";
        } else {
            throw new SubCommandException("exportMetadata -b needs -t (topics) or -g (subscription groups)");
        }
        MixAll.string2FileNotSafe(RemotingSerializable.toJson(exported, true), file);
        context.out().printf("export %s success%n", file);
    }

    private static void exportCluster(CommandLine commandLine, MQAdminExt admin, String filePath,
        boolean specialTopic, CommandContext context) throws Exception {
        Set<String> masters = CommandUtil.fetchMasterAddrByClusterName(admin, OptionValues.string(commandLine, 'c'));
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        Map<String, SubscriptionGroupConfig> groups = new LinkedHashMap<>();
        for (String master : masters) {
            admin.getUserTopicConfig(master, specialTopic, TIMEOUT_MILLIS).getTopicConfigTable()
                .forEach((name, config) -> topics.merge(name, config, ExportMetadataCommand::sumQueues));
            admin.getUserSubscriptionGroup(master, TIMEOUT_MILLIS).getSubscriptionGroupTable()
                .forEach((name, config) -> groups.merge(name, config, ExportMetadataCommand::sumRetryQueues));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        String file;
        if (commandLine.hasOption('t')) {
            result.put("topicConfigTable", topics);
            file = filePath + "/topic.json";
        } else if (commandLine.hasOption('g')) {
            result.put("subscriptionGroupTable", groups);
            file = filePath + "/subscriptionGroup.json";
        } else {
            result.put("topicConfigTable", topics);
            result.put("subscriptionGroupTable", groups);
            file = filePath + "/metadata.json";
        }
        result.put("exportTime", System.currentTimeMillis());
        MixAll.string2FileNotSafe(RemotingSerializable.toJson(result, true), file);
        context.out().printf("export %s success%n", file);
    }

    private static TopicConfig sumQueues(TopicConfig seen, TopicConfig next) {
        next.setWriteQueueNums(seen.getWriteQueueNums() + next.getWriteQueueNums());
        next.setReadQueueNums(seen.getReadQueueNums() + next.getReadQueueNums());
        return next;
    }

    private static SubscriptionGroupConfig sumRetryQueues(SubscriptionGroupConfig seen,
        SubscriptionGroupConfig next) {
        next.setRetryQueueNums(seen.getRetryQueueNums() + next.getRetryQueueNums());
        return next;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .value("c", "clusterName", "choose a cluster to export")
            .value("b", "brokerAddr", "choose a broker to export")
            .value("f", "filePath", "export metadata.json path | default " + DEFAULT_FILE_PATH)
            .flag("t", "topic", "only export topic metadata")
            .flag("g", "subscriptionGroup", "only export subscriptionGroup metadata")
            .flag("s", "specialTopic", "need retryTopic and dlqTopic")
            .options();
    }
}
