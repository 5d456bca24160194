package org.cometmq.tools.command.topic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code topicStatus}: min and max offset and last store time of every queue of a topic, sorted by queue. */
public class TopicStatusSubCommand implements SubCommand {
    static final String HEADER = "%-32s  %-4s  %-20s  %-20s    %s%n";
    static final String ROW = "%-32s  %-4d  %-20d  %-20d    %s%n";

    @Override
    public String commandName() {
        return "topicStatus";
    }

    @Override
    public String commandDesc() {
        return "Examine topic Status info";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        print(context.admin().examineTopicStats(OptionValues.string(commandLine, 't')), context.out());
    }

    static void print(TopicStatsTable stats, PrintStream out) {
        List<MessageQueue> queues = new ArrayList<>(stats.getOffsetTable().keySet());
        Collections.sort(queues);
        out.printf(HEADER, "#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated");
        for (MessageQueue mq : queues) {
            TopicOffset offset = stats.getOffsetTable().get(mq);
            String lastUpdated = offset.getLastUpdateTimestamp() > 0
                ? Formats.humanTime(offset.getLastUpdateTimestamp()) : "";
            out.printf(ROW, Formats.front(mq.getBrokerName(), 32), mq.getQueueId(), offset.getMinOffset(),
                offset.getMaxOffset(), lastUpdated);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .options();
    }
}
