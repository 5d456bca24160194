package org.cometmq.tools.command.topic;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
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

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("c", "clusterName", "delete topic from which cluster")
            .options();
    }
}
