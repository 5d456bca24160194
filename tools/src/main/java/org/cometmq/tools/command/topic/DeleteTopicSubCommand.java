package org.cometmq.tools.command.topic;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code deleteTopic}: removes a topic from every broker of a cluster, then its route from the name servers. */
public class DeleteTopicSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteTopic";
    }

    @Override
    public String commandDesc() {
        return "Delete topic from broker and NameServer.";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        Option topic = new Option("t", "topic", true, "topic name");
        topic.setRequired(true);
        options.addOption(topic);
        Option cluster = new Option("c", "clusterName", true, "delete topic from which cluster");
        cluster.setRequired(true);
        options.addOption(cluster);
        return options;
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        deleteTopic(context.admin(), context.out(), OptionValues.string(commandLine, 'c'),
            OptionValues.string(commandLine, 't'));
    }

    /** DELETE_TOPIC_IN_BROKER on every broker of the cluster, then DELETE_TOPIC_IN_NAMESRV on every name server. */
    public static void deleteTopic(MQAdminExt admin, PrintStream out, String clusterName, String topic)
        throws Exception {
        admin.deleteTopicInBroker(CommandUtil.fetchMasterAndSlaveAddrByClusterName(admin, clusterName), topic);
        out.printf("delete topic [%s] from cluster [%s] success.%n", topic, clusterName);
        admin.deleteTopicInNameServer(null, clusterName, topic);
        out.printf("delete topic [%s] from NameServer success.%n", topic);
    }
}
