package org.cometmq.tools.command.offset;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code skipAccumulatedMessage}: moves a group's offsets of a topic to the end of every queue (reset by the
 * timestamp -1), so what is not consumed yet is skipped. Online consumers get the offsets from the brokers; with
 * none online the offsets are written into the brokers and the table shows before and after.
 */
public class SkipAccumulationSubCommand implements SubCommand {
    /** The timestamp that means "the queue's max offset" to the brokers and the admin. */
    static final long LATEST = -1;

    @Override
    public String commandName() {
        return "skipAccumulatedMessage";
    }

    @Override
    public String commandDesc() {
        return "Skip all messages that are accumulated (not consumed) currently";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String group = OptionValues.string(commandLine, 'g');
        String topic = OptionValues.string(commandLine, 't');
        boolean force = OptionValues.boolValue(commandLine, 'f', true);
        MQAdminExt admin = context.admin();
        Map<MessageQueue, Long> offsets;
        try {
            offsets = admin.resetOffsetByTimestamp(topic, group, LATEST, force);
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            ResetOffsetByTimeCommand.printOfflineTable(context.out(),
                admin.resetOffsetByTimestampOld(group, topic, LATEST, force));
            return;
        }
        ResetOffsetByTimeCommand.printOnlineTable(context.out(), offsets);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("g", "group", "set the consumer group")
            .required("t", "topic", "set the topic")
            .value("f", "force", "set the force rollback by timestamp switch[true|false]")
            .options();
    }
}
