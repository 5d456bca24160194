package org.cometmq.tools.command.acl;

import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;

/** The {@code -b brokerAddr | -c clusterName} choice every ACL command takes, and the brokers it names. */
final class AclTargets {

    private AclTargets() {
    }

    static void addOptions(Options options, String what) {
        OptionGroup group = new OptionGroup();
        group.addOption(new Option("b", "brokerAddr", true, what + " which broker"));
        group.addOption(new Option("c", "clusterName", true, what + " which cluster"));
        group.setRequired(true);
        options.addOptionGroup(group);
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
