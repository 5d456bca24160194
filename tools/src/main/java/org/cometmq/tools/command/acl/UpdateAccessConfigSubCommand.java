package org.cometmq.tools.command.acl;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;

/** {@code updateAclConfig}: creates or updates one ACL account on a broker or on every broker of a cluster. */
public class UpdateAccessConfigSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "updateAclConfig";
    }

    @Override
    public String commandDesc() {
        return "Update acl config yaml file in broker";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        PlainAccessConfig config = new PlainAccessConfig();
        config.setAccessKey(OptionValues.string(commandLine, 'a'));
        config.setSecretKey(OptionValues.string(commandLine, 's'));
        config.setWhiteRemoteAddress(OptionValues.string(commandLine, 'w'));
        config.setDefaultTopicPerm(OptionValues.string(commandLine, 'i'));
        config.setDefaultGroupPerm(OptionValues.string(commandLine, 'u'));
        config.setTopicPerms(list(OptionValues.string(commandLine, 't')));
        config.setGroupPerms(list(OptionValues.string(commandLine, 'g')));
        config.setAdmin(OptionValues.boolValue(commandLine, 'm', false));
        MQAdminExt admin = context.admin();
        for (String addr : AclTargets.brokers(commandLine, admin, true)) {
            admin.createAndUpdatePlainAccessConfig(addr, config);
            context.out().printf("create or update plain access config to %s success.%n", addr);
        }
        context.out().printf("%s%n", config);
    }

    private static List<String> list(String commaJoined) {
        if (commaJoined == null) {
            return null;
        }
        return Arrays.stream(commaJoined.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toList());
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return AclTargets.addOptions(options, "update acl config file to")
            .required("a", "accessKey", "set accessKey in acl config file")
            .required("s", "secretKey", "set secretKey in acl config file")
            .value("w", "whiteRemoteAddress", "set white ip Address for account in acl config file")
            .value("i", "defaultTopicPerm", "set default topicPerm in acl config file")
            .value("u", "defaultGroupPerm", "set default GroupPerm in acl config file")
            .value("t", "topicPerms", "set topicPerms list,eg: topicA=DENY,topicD=SUB")
            .value("g", "groupPerms", "set groupPerms list,eg: groupD=DENY,groupD=SUB")
            .value("m", "admin", "set admin flag in acl config file")
            .options();
    }
}
