package org.cometmq.tools.command.namesrv;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.FailureMessages;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * Shared shape of {@code wipeWritePerm} and {@code addWritePerm}: one request per name server given with
 * {@code -n}, a line per name server, and a failure when any of them refused.
 */
abstract class WritePermCommand implements SubCommand {
    /** {@code wipe} or {@code add}, as the output lines say it. */
    abstract String verb();

    abstract int apply(MQAdminExt admin, String namesrvAddr, String brokerName) throws Exception;

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String brokerName = OptionValues.string(commandLine, 'b');
        MQAdminExt admin = context.admin();
        List<String> namesrvs = admin.getNameServerAddressList();
        int failed = 0;
        for (String namesrv : namesrvs) {
            try {
                int topics = apply(admin, namesrv, brokerName);
                context.out().printf("%s write perm of broker[%s] in name server[%s] OK, %d%n", verb(), brokerName,
                    namesrv, topics);
            } catch (Exception e) {
                failed++;
                context.out().printf("%s write perm of broker[%s] in name server[%s] Failed: %s%n", verb(),
                    brokerName, namesrv, FailureMessages.describe(e, commandLine));
            }
        }
        if (failed > 0) {
            throw new SubCommandException(failed + " of " + namesrvs.size() + " name server(s) failed to " + verb()
                + " the write perm of broker " + brokerName);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("b", "brokerName", "broker name")
            .options();
    }
}
