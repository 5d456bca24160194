package org.cometmq.tools.command.acl;

import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;

/** The {@code -b brokerAddr | -c clusterName} choice every ACL command takes, and the brokers it names. */
final class AclTargets {

    private AclTargets() {
    }

    /** {@code -b} or {@code -c}, described as "{@code what} which broker" and "{@code what} which cluster". */
    static CommandOptions addOptions(Options options, String what) {
        return CommandOptions.to(options).brokerOrCluster(what + " which broker", what + " which cluster");
    }

    /** {@code -b}'s broker, or the brokers of {@code -c}: masters only, or masters and slaves. */
    static Set<String> brokers(CommandLine commandLine, MQAdminExt admin, boolean withSlaves) throws Exception {
        if (commandLine.hasOption('b')) {
            return Set.of(OptionValues.string(commandLine, 'b'));
        }
        String cluster = OptionValues.string(commandLine, 'c');
        return withSlaves ? CommandUtil.fetchMasterAndSlaveAddrByClusterName(admin, cluster)
            : CommandUtil.fetchMasterAddrByClusterName(admin, cluster);
    }
}
