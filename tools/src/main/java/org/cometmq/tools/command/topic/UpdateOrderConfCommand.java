package org.cometmq.tools.command.topic;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.namesrv.NamesrvUtil;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.SubCommandException;

/**
 * {@code updateOrderConf}: reads, writes or deletes a topic's order configuration ({@code brokerName:queueNums;...})
 * in the name servers' ORDER_TOPIC_CONFIG namespace. Like 4.9.7 it prints its answer without a final newline.
 */
public class UpdateOrderConfCommand implements SubCommand {

    @Override
    public String commandName() {
        return "updateOrderConf";
    }

    @Override
    public String commandDesc() {
        return "Create or update or delete order conf";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        String topic = OptionValues.string(commandLine, 't');
        String method = OptionValues.string(commandLine, 'm');
        MQAdminExt admin = context.admin();
        switch (method) {
            case "get":
                context.out().printf("get orderConf success. topic=[%s], orderConf=[%s] ", topic,
                    admin.getKVConfig(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG, topic));
                break;
            case "put":
                String orderConf = OptionValues.string(commandLine, 'v');
                if (orderConf == null || orderConf.isEmpty()) {
                    throw new SubCommandException("please set orderConf with option -v.");
                }
                admin.createOrUpdateOrderConf(topic, orderConf, true);
                context.out().printf("update orderConf success. topic=[%s], orderConf=[%s]", topic, orderConf);
                break;
            case "delete":
                admin.deleteKvConfig(NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG, topic);
                context.out().printf("delete orderConf success. topic=[%s]", topic);
                break;
            default:
                throw new SubCommandException("invalid -m '" + method + "': expected put, get or delete");
        }
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .required("t", "topic", "topic name")
            .value("v", "orderConf", "set order conf [eg. brokerName1:num;brokerName2:num]")
            .required("m", "method", "option type [eg. put|get|delete")
            .options();
    }
}
