package org.cometmq.tools.command.acl;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code updateGlobalWhiteAddr}: replaces the global white address list of a broker's ACL file. */
public class UpdateGlobalWhiteAddrSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateGlobalWhiteAddr";
    }

    @Override
    public String commandDesc() {
        return "Update global white address for acl Config File in broker";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String addrs = OptionValues.string(commandLine, 'g');
        String file = OptionValues.string(commandLine, 'p');
        MQAdminExt admin = context.admin();
        for (String addr : AclTargets.brokers(commandLine, admin, true)) {
            admin.updateGlobalWhiteAddrConfig(addr, addrs, file);
            context.out().printf("update global white remote addresses to %s success.%n", addr);
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return AclTargets.addOptions(options, "update global white address to")
            .required("g", "globalWhiteRemoteAddresses",
                "set globalWhiteRemoteAddress list,eg: 10.10.103.*,192.168.0.*")
            .value("p", "aclFileFullPath",
                "update global white address of specified acl file,eg: /home/cometmq/conf/plain_acl.yml")
            .options();
    }
}
