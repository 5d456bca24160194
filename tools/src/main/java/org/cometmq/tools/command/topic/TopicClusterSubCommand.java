package org.cometmq.tools.command.topic;

import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code topicClusterList}: the clusters whose brokers hold the topic, one per line. */
public class TopicClusterSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "topicClusterList";
    }

    @Override
    public String commandDesc() {
        return "get cluster info for topic";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        for (String cluster : new TreeSet<>(context.admin().getTopicClusterList(topic))) {
            context.out().printf("%s%n", cluster);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .options();
    }
}
