package org.cometmq.tools.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cometmq.tools.command.acl.ClusterAclConfigVersionListSubCommand;
import org.cometmq.tools.command.acl.DeleteAccessConfigSubCommand;
import org.cometmq.tools.command.acl.GetAccessConfigSubCommand;
import org.cometmq.tools.command.acl.UpdateAccessConfigSubCommand;
import org.cometmq.tools.command.acl.UpdateGlobalWhiteAddrSubCommand;
import org.cometmq.tools.command.broker.BrokerConsumeStatsSubCommad;
import org.cometmq.tools.command.broker.BrokerStatusSubCommand;
import org.cometmq.tools.command.broker.CleanExpiredCQSubCommand;
import org.cometmq.tools.command.broker.CleanUnusedTopicCommand;
import org.cometmq.tools.command.broker.DeleteExpiredCommitLogSubCommand;
import org.cometmq.tools.command.broker.GetBrokerConfigCommand;
import org.cometmq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.cometmq.tools.command.cluster.CLusterSendMsgRTCommand;
import org.cometmq.tools.command.cluster.ClusterListSubCommand;
import org.cometmq.tools.command.connection.ConsumerConnectionSubCommand;
import org.cometmq.tools.command.connection.ProducerConnectionSubCommand;
import org.cometmq.tools.command.consumer.ConsumerProgressSubCommand;
import org.cometmq.tools.command.consumer.ConsumerStatusSubCommand;
import org.cometmq.tools.command.consumer.DeleteSubscriptionGroupCommand;
import org.cometmq.tools.command.consumer.StartMonitoringSubCommand;
import org.cometmq.tools.command.consumer.UpdateSubGroupSubCommand;
import org.cometmq.tools.command.export.ExportConfigsCommand;
import org.cometmq.tools.command.export.ExportMetadataCommand;
import org.cometmq.tools.command.export.ExportMetricsCommand;
import org.cometmq.tools.command.message.CheckMsgSendRTCommand;
import org.cometmq.tools.command.message.ConsumeMessageCommand;
import org.cometmq.tools.command.message.PrintMessageSubCommand;
import org.cometmq.tools.command.message.QueryMsgByIdSubCommand;
import org.cometmq.tools.command.message.QueryMsgByKeySubCommand;
import org.cometmq.tools.command.message.QueryMsgByOffsetSubCommand;
import org.cometmq.tools.command.message.QueryMsgByUniqueKeySubCommand;
import org.cometmq.tools.command.message.QueryMsgTraceByIdSubCommand;
import org.cometmq.tools.command.message.SendMessageCommand;
import org.cometmq.tools.command.namesrv.AddWritePermSubCommand;
import org.cometmq.tools.command.namesrv.DeleteKvConfigCommand;
import org.cometmq.tools.command.namesrv.GetNamesrvConfigCommand;
import org.cometmq.tools.command.namesrv.UpdateKvConfigCommand;
import org.cometmq.tools.command.namesrv.UpdateNamesrvConfigCommand;
import org.cometmq.tools.command.namesrv.WipeWritePermSubCommand;
import org.cometmq.tools.command.offset.CloneGroupOffsetCommand;
import org.cometmq.tools.command.offset.ResetOffsetByTimeCommand;
import org.cometmq.tools.command.topic.AllocateMQSubCommand;
import org.cometmq.tools.command.topic.DeleteTopicSubCommand;
import org.cometmq.tools.command.topic.TopicClusterSubCommand;
import org.cometmq.tools.command.topic.TopicListSubCommand;
import org.cometmq.tools.command.topic.TopicRouteSubCommand;
import org.cometmq.tools.command.topic.TopicStatusSubCommand;
import org.cometmq.tools.command.topic.UpdateTopicPermSubCommand;
import org.cometmq.tools.command.topic.UpdateTopicSubCommand;
// operations and statistics commands (issue 16, h3)
import org.cometmq.tools.command.broker.SendMsgStatusCommand;
import org.cometmq.tools.command.consumer.GetConsumerConfigSubCommand;
import org.cometmq.tools.command.message.PrintMessageByQueueCommand;
import org.cometmq.tools.command.offset.SkipAccumulationSubCommand;
import org.cometmq.tools.command.producer.ProducerSubCommand;
import org.cometmq.tools.command.queue.QueryConsumeQueueCommand;
import org.cometmq.tools.command.stats.StatsAllSubCommand;
import org.cometmq.tools.command.topic.UpdateOrderConfCommand;

/**
 * Every sub-command of {@code mqadmin}. {@link #ORDER} is the one place that fixes the order of the command list:
 * RocketMQ 4.9.7's 57 sub-commands as its {@code mqadmin} prints them. Implementations are registered in blocks
 * below, each block a family of commands; {@link #all()} returns them in {@link #ORDER}.
 */
public final class SubCommands {
    /** The names of 4.9.7's sub-commands, in the order its command list shows them. */
    public static final List<String> ORDER = List.of(
        "updateTopic", "deleteTopic", "updateSubGroup", "deleteSubGroup", "updateBrokerConfig", "updateTopicPerm",
        "topicRoute", "topicStatus", "topicClusterList", "brokerStatus", "queryMsgById", "queryMsgByKey",
        "queryMsgByUniqueKey", "queryMsgByOffset", "queryMsgTraceById", "printMsg", "printMsgByQueue",
        "sendMsgStatus", "brokerConsumeStats", "producerConnection", "consumerConnection", "consumerProgress",
        "consumerStatus", "cloneGroupOffset", "producer", "clusterList", "topicList", "updateKvConfig",
        "deleteKvConfig", "wipeWritePerm", "addWritePerm", "resetOffsetByTime", "skipAccumulatedMessage",
        "updateOrderConf", "cleanExpiredCQ", "deleteExpiredCommitLog", "cleanUnusedTopic", "startMonitoring",
        "statsAll", "allocateMQ", "checkMsgSendRT", "clusterRT", "getNamesrvConfig", "updateNamesrvConfig",
        "getBrokerConfig", "getConsumerConfig", "queryCq", "sendMessage", "consumeMessage", "updateAclConfig",
        "deleteAclConfig", "clusterAclConfigVersion", "updateGlobalWhiteAddr", "getAclConfig", "exportMetadata",
        "exportConfigs", "exportMetrics");

    private SubCommands() {
    }

    /** The registered commands, in {@link #ORDER}; a command missing from it would come last (a test forbids it). */
    public static List<SubCommand> all() {
        List<SubCommand> commands = new ArrayList<>();
        commands.addAll(coreCommands());
        commands.addAll(maintenanceCommands());
        commands.sort(Comparator.comparingInt(SubCommands::position));
        return List.copyOf(commands);
    }

    private static int position(SubCommand command) {
        int index = ORDER.indexOf(command.commandName());
        return index < 0 ? ORDER.size() : index;
    }

    /** Topics, groups, messages, connections, name server and ACL commands. */
    private static List<SubCommand> coreCommands() {
        return List.of(
            new UpdateTopicSubCommand(),
            new DeleteTopicSubCommand(),
            new UpdateSubGroupSubCommand(),
            new DeleteSubscriptionGroupCommand(),
            new UpdateBrokerConfigSubCommand(),
            new UpdateTopicPermSubCommand(),
            new TopicRouteSubCommand(),
            new TopicStatusSubCommand(),
            new TopicClusterSubCommand(),
            new BrokerStatusSubCommand(),
            new QueryMsgByIdSubCommand(),
            new QueryMsgByKeySubCommand(),
            new QueryMsgByUniqueKeySubCommand(),
            new QueryMsgByOffsetSubCommand(),
            new QueryMsgTraceByIdSubCommand(),
            new PrintMessageSubCommand(),
            new SendMessageCommand(),
            new ConsumeMessageCommand(),
            new ProducerConnectionSubCommand(),
            new ConsumerConnectionSubCommand(),
            new ConsumerProgressSubCommand(),
            new ClusterListSubCommand(),
            new TopicListSubCommand(),
            new UpdateKvConfigCommand(),
            new DeleteKvConfigCommand(),
            new WipeWritePermSubCommand(),
            new AddWritePermSubCommand(),
            new ResetOffsetByTimeCommand(),
            new UpdateNamesrvConfigCommand(),
            new GetNamesrvConfigCommand(),
            new GetBrokerConfigCommand(),
            new UpdateAccessConfigSubCommand(),
            new DeleteAccessConfigSubCommand(),
            new ClusterAclConfigVersionListSubCommand(),
            new UpdateGlobalWhiteAddrSubCommand(),
            new GetAccessConfigSubCommand(),
            // operations and statistics commands (issue 16, h3)
            new GetConsumerConfigSubCommand(),
            new ProducerSubCommand(),
            new SendMsgStatusCommand(),
            new UpdateOrderConfCommand(),
            new SkipAccumulationSubCommand(),
            new QueryConsumeQueueCommand(),
            new StatsAllSubCommand(),
            new PrintMessageByQueueCommand());
    }

    /** Store housekeeping, broker-wide stats, monitoring, send-RT probes, offset cloning, allocation and exports. */
    private static List<SubCommand> maintenanceCommands() {
        return List.of(
            new BrokerConsumeStatsSubCommad(),
            new ConsumerStatusSubCommand(),
            new CloneGroupOffsetCommand(),
            new CleanExpiredCQSubCommand(),
            new DeleteExpiredCommitLogSubCommand(),
            new CleanUnusedTopicCommand(),
            new StartMonitoringSubCommand(),
            new AllocateMQSubCommand(),
            new CheckMsgSendRTCommand(),
            new CLusterSendMsgRTCommand(),
            new ExportMetadataCommand(),
            new ExportConfigsCommand(),
            new ExportMetricsCommand());
    }
}
