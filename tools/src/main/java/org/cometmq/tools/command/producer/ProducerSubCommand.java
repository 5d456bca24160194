package org.cometmq.tools.command.producer;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.protocol.body.ProducerInfo;
import org.cometmq.common.protocol.body.ProducerTableInfo;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code producer}: every producer instance a broker knows, by group (GET_ALL_PRODUCER_INFO). */
public class ProducerSubCommand implements SubCommand {

    @Override
    public String commandName() {
        return "producer";
    }

    @Override
    public String commandDesc() {
        return "Query producer's instances, connection, status, etc.";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        print(context.out(), context.admin().getAllProducerInfo(OptionValues.string(commandLine, 'b')));
    }

    static void print(PrintStream out, ProducerTableInfo table) {
        if (table == null || table.getData() == null) {
            return;
        }
        for (Map.Entry<String, List<ProducerInfo>> group : table.getData().entrySet()) {
            List<ProducerInfo> instances = group.getValue();
            if (instances == null || instances.isEmpty()) {
                out.printf("producer group (%s) instances are empty\n", group.getKey());
                continue;
            }
            for (ProducerInfo producer : instances) {
                out.printf("producer group (%s) instance : %s\n", group.getKey(), producer);
            }
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("b", "broker", "broker address")
            .options();
    }
}
