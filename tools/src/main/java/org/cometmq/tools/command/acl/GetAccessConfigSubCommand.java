package org.cometmq.tools.command.acl;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.AclConfig;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.SubCommand;

/** {@code getAclConfig}: the global white list and accounts of a broker or of every master of a cluster. */
public class GetAccessConfigSubCommand implements SubCommand {
    private static final String FIELD = "%-1s %-18s: %s%n";

    @Override
    public String commandName() {
        return "getAclConfig";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config information in cluster";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        for (String addr : AclTargets.brokers(commandLine, admin, false)) {
            print(context.out(), admin.examineBrokerClusterAclConfig(addr));
        }
    }

    private static void print(PrintStream out, AclConfig config) {
        out.printf("%n%-20s: %s%n%naccounts:%n", "globalWhiteRemoteAddresses", config.getGlobalWhiteAddrs());
        if (config.getPlainAccessConfigs() == null) {
            return;
        }
        for (PlainAccessConfig account : config.getPlainAccessConfigs()) {
            field(out, "accessKey", account.getAccessKey());
            field(out, "secretKey", account.getSecretKey());
            field(out, "whiteRemoteAddress", account.getWhiteRemoteAddress());
            field(out, "admin", account.isAdmin());
            field(out, "defaultTopicPerm", account.getDefaultTopicPerm());
            field(out, "defaultGroupPerm", account.getDefaultGroupPerm());
            field(out, "topicPerms", account.getTopicPerms());
            field(out, "groupPerms", account.getGroupPerms());
            out.printf("%n");
        }
    }

    private static void field(PrintStream out, String name, Object value) {
        out.printf(FIELD, "", name, value == null ? "" : value);
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        AclTargets.addOptions(options, "query acl config version for");
        return options;
    }
}
