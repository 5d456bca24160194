package org.cometmq.tools.command.message;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/** {@code queryMsgByOffset}: the message at an offset of one queue (PULL_MESSAGE as TOOLS_CONSUMER). */
public class QueryMsgByOffsetSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "queryMsgByOffset";
    }

    @Override
    public String commandDesc() {
        return "Query Message by offset";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MessageQueue mq = new MessageQueue(OptionValues.string(commandLine, 't'),
            OptionValues.string(commandLine, 'b'), OptionValues.intValue(commandLine, 'i', 0));
        long offset = OptionValues.longValue(commandLine, 'o', 0);
        PullResult result = context.puller().pull(mq, "*", offset, 1);
        if (result.getPullStatus() != PullStatus.FOUND || result.getMsgFoundList().isEmpty()) {
            throw new SubCommandException("no message at offset " + offset + " of " + mq + " (" + result.getPullStatus()
                + ", queue offsets " + result.getMinOffset() + ".." + result.getMaxOffset() + ")");
        }
        MessagePrinter printer = new MessagePrinter(context.out(), MessagePrinter.defaultBodyDir());
        MessageExt msg = result.getMsgFoundList().get(0);
        printer.print(msg, true);
        printer.printTracks(context.admin(), msg);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("b", "brokerName", "Broker Name")
            .required("i", "queueId", "Queue Id")
            .required("o", "offset", "Queue Offset")
            .options();
    }
}
