package org.cometmq.tools.command.message;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.client.QueryResult;
import org.cometmq.client.trace.TraceType;
import org.cometmq.client.trace.TraceView;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code queryMsgTraceById}: the trace of one message (by its unique id) as trace messages in the trace topic tell
 * it: a table per Pub record, then one table per consumer group with its SubAfter records (groups in hash order,
 * as 4.9's tool prints them).
 */
public class QueryMsgTraceByIdSubCommand implements SubCommand {
    static final String ROW = "%-10s %-20s %-20s %-20s %-10s %-10s%n";
    /** Trace messages read per query, as many as one key query returns. */
    private static final int MAX_NUM = 64;

    @Override
    public String commandName() {
        return "queryMsgTraceById";
    }

    @Override
    public String commandDesc() {
        return "query a message trace";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String msgId = OptionValues.string(commandLine, 'i');
        String traceTopic = commandLine.hasOption('t') ? OptionValues.string(commandLine, 't')
            : TopicValidator.RMQ_SYS_TRACE_TOPIC;
        // trace messages are indexed by the traced message's id, so a key query finds them
        QueryResult result = context.admin().queryMessage(traceTopic, msgId, MAX_NUM, 0, System.currentTimeMillis());
        List<TraceView> views = new ArrayList<>();
        for (MessageExt traceMessage : result.getMessageList()) {
            views.addAll(TraceView.decodeFromTraceTransData(msgId, traceMessage));
        }
        print(context.out(), views);
    }

    static void print(PrintStream out, List<TraceView> views) {
        Map<String, List<TraceView>> consumedByGroup = new HashMap<>(16);
        for (TraceView view : views) {
            if (view.getMsgType().equals(TraceType.Pub.name())) {
                out.printf(ROW, "#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status");
                printRow(out, "Pub", view);
                out.printf("\n");
            }
            if (view.getMsgType().equals(TraceType.SubAfter.name())) {
                consumedByGroup.computeIfAbsent(view.getGroupName(), g -> new ArrayList<>()).add(view);
            }
        }
        for (Map.Entry<String, List<TraceView>> group : consumedByGroup.entrySet()) {
            out.printf(ROW, "#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status");
            for (TraceView view : group.getValue()) {
                printRow(out, "Sub", view);
            }
            out.printf("\n");
        }
    }

    private static void printRow(PrintStream out, String type, TraceView view) {
        out.printf(ROW, type, view.getGroupName(), view.getClientHost(), Formats.dateTime(view.getTimeStamp()),
            view.getCostTime() + "ms", view.getStatus());
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("i", "msgId", "Message Id")
            .value("t", "traceTopic", "The name value of message trace topic")
            .options();
    }
}
