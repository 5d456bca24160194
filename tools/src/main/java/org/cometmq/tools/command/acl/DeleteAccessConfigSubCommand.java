package org.cometmq.tools.command.acl;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code deleteAclConfig}: removes one ACL account from a broker or from every broker of a cluster. */
public class DeleteAccessConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "deleteAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Delete Acl Config Account in broker";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String accessKey = OptionValues.string(commandLine, 'a');
        MQAdminExt admin = context.admin();
        for (String addr : AclTargets.brokers(commandLine, admin, true)) {
            admin.deletePlainAccessConfig(addr, accessKey);
            context.out().printf("delete plain access config account from %s success.%n", addr);
        }
        context.out().printf("account's accesskey is:%s", accessKey);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return AclTargets.addOptions(options, "delete acl config account from")
            .required("a", "accessKey", "set accessKey in acl config file for deleting which account")
            .options();
    }
}
