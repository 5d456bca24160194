package org.cometmq.tools.command.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandUtil;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/**
 * {@code exportConfigs}: writes {@code <-f>/configs.json} with the cluster's size (name servers, masters, slaves)
 * and, per master, the broker settings 4.9.7 exports. A setting a broker does not report is left out of the file
 * (4.9.7 fails with a NullPointerException instead).
 */
public class ExportConfigsCommand implements SubCommand {
    /** The settings 4.9.7 exports, in its order. */
    static final List<String> EXPORTED_KEYS = List.of("brokerClusterName", "brokerId", "brokerName", "brokerRole",
        "fileReservedTime", "filterServerNums", "flushDiskType", "maxMessageSize", "messageDelayLevel",
        "msgTraceTopicName", "slaveReadEnable", "traceOn", "traceTopicEnable", "useTLS", "autoCreateTopicEnable",
        "autoCreateSubscriptionGroup");

    @Override
    public String commandName() {
        return "exportConfigs";
    }

    @Override
    public String commandDesc() {
        return "export configs";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        String clusterName = OptionValues.string(commandLine, 'c');
        String filePath = ExportMetadataCommand.filePath(commandLine);
        Map<String, List<String>> masterToSlaves = CommandUtil.fetchMasterAndSlaveDistinguish(admin, clusterName);
        Map<String, Map<String, String>> brokerConfigs = new LinkedHashMap<>();
        int slaves = 0;
        for (Map.Entry<String, List<String>> entry : masterToSlaves.entrySet()) {
            Properties config = admin.getBrokerConfig(entry.getKey());
            slaves += entry.getValue().size();
            brokerConfigs.put(config.getProperty("brokerName"), exported(config));
        }
        Map<String, Integer> clusterScale = new LinkedHashMap<>();
        clusterScale.put("namesrvSize", admin.getNameServerAddressList().size());
        clusterScale.put("masterBrokerSize", masterToSlaves.size());
        clusterScale.put("slaveBrokerSize", slaves);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("brokerConfigs", brokerConfigs);
        result.put("clusterScale", clusterScale);
        String file = filePath + "/configs.json";
        MixAll.string2FileNotSafe(RemotingSerializable.toJson(result, true), file);
        context.out().printf("export %s success%n", file);
    }

    static Map<String, String> exported(Properties config) {
        Map<String, String> exported = new LinkedHashMap<>();
        for (String key : EXPORTED_KEYS) {
            String value = config.getProperty(key);
            if (value != null) {
                exported.put(key, value);
            }
        }
        return exported;
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return ExportMetadataCommand.clusterOptions(options, "configs.json");
    }
}
