package org.cometmq.tools.command.acl;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.DataVersion;
import org.cometmq.common.protocol.body.ClusterAclVersionInfo;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.SubCommand;

/** {@code clusterAclConfigVersion}: the version of every ACL file of a broker or of every master of a cluster. */
public class ClusterAclConfigVersionListSubCommand implements SubCommand {
    private static final String ROW = "%-16s  %-22s  %-22s  %-20s  %-22s  %-22s%n";

    @Override
    public String commandName() {
        return "clusterAclConfigVersion";
    }

    @Override
    public String commandDesc() {
        return "List all of acl config version information in cluster";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        boolean cluster = commandLine.hasOption('c');
        if (cluster) {
            context.out().printf(ROW, "#Cluster Name", "#Broker Name", "#Broker Addr", "#AclFilePath",
                "#AclConfigVersionNum", "#AclLastUpdateTime");
        }
        for (String addr : AclTargets.brokers(commandLine, admin, false)) {
            ClusterAclVersionInfo info = admin.examineBrokerClusterAclVersionInfo(addr);
            Map<String, DataVersion> files = info.getAllAclConfigDataVersion() != null
                ? info.getAllAclConfigDataVersion() : Map.of("", info.getAclConfigDataVersion());
            for (Map.Entry<String, DataVersion> file : files.entrySet()) {
                long timestamp = file.getValue().getTimestamp();
                String time = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date(timestamp));
                context.out().printf(ROW, info.getClusterName(), info.getBrokerName(), info.getBrokerAddr(),
                    file.getKey(), file.getValue().getCounter().get(), time);
            }
        }
        context.out().printf(cluster ? "get cluster's plain access config version success.%n"
            : "get broker's plain access config version success.%n");
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        AclTargets.addOptions(options, "query acl config version for");
        return options;
    }
}
