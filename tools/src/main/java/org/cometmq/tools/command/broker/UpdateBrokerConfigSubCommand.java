package org.cometmq.tools.command.broker;

import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code updateBrokerConfig}: sets one config key on a broker, or on every broker (masters and slaves) of a
 * cluster. With {@code -c} every broker is tried; the command fails if any refused.
 */
public class UpdateBrokerConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateBrokerConfig";
    }

    @Override
    public String commandDesc() {
        return "Update broker's config";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(OptionValues.string(commandLine, 'k'), OptionValues.string(commandLine, 'v'));
        MQAdminExt admin = context.admin();
        if (commandLine.hasOption('b')) {
            String addr = OptionValues.string(commandLine, 'b');
            admin.updateBrokerConfig(addr, properties);
            context.out().printf("update broker config success, %s%n", addr);
            return;
        }
        int failed = 0;
        Exception lastFailure = null;
        for (String addr : CommandUtil.fetchMasterAndSlaveAddrByClusterName(admin,
            OptionValues.string(commandLine, 'c'))) {
            try {
                admin.updateBrokerConfig(addr, properties);
                context.out().printf("update broker config success, %s%n", addr);
            } catch (Exception e) {
                failed++;
                lastFailure = e;
                context.out().printf("update broker config failed, %s: %s%n", addr, e.getMessage());
            }
        }
        if (failed > 0) {
            throw new SubCommandException(failed + " broker(s) did not take the new config", lastFailure);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .brokerOrCluster("update which broker", "update which cluster")
            .required("k", "key", "config key")
            .required("v", "value", "config value")
            .options();
    }
}
