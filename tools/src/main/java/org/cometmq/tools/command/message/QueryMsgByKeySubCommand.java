package org.cometmq.tools.command.message;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.QueryResult;
import org.cometmq.common.message.MessageExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code queryMsgByKey}: the messages of a topic indexed under a key (at most 64), by id, queue and offset. */
public class QueryMsgByKeySubCommand implements SubCommand {
    static final String ROW = "%-50s %4d %40d%n";
    private static final int MAX_NUM = 64;

    @Override
    public String commandName() {
        return "queryMsgByKey";
    }

    @Override
    public String commandDesc() {
        return "Query Message by Key";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        QueryResult result = context.admin().queryMessage(OptionValues.string(commandLine, 't'),
            OptionValues.string(commandLine, 'k'), MAX_NUM, 0, Long.MAX_VALUE);
        // in the order of the answers, as 4.9.7 prints them (a broker answers in its index order)
        List<MessageExt> messages = result.getMessageList();
        context.out().printf("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset");
        for (MessageExt msg : messages) {
            context.out().printf(ROW, msg.getMsgId(), msg.getQueueId(), msg.getQueueOffset());
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .required("k", "msgKey", "Message Key")
            .options();
    }
}
