package org.cometmq.tools.command;

import java.util.List;
import org.cometmq.tools.command.acl.ClusterAclConfigVersionListSubCommand;
import org.cometmq.tools.command.acl.DeleteAccessConfigSubCommand;
import org.cometmq.tools.command.acl.GetAccessConfigSubCommand;
import org.cometmq.tools.command.acl.UpdateAccessConfigSubCommand;
import org.cometmq.tools.command.acl.UpdateGlobalWhiteAddrSubCommand;
import org.cometmq.tools.command.broker.BrokerStatusSubCommand;
import org.cometmq.tools.command.broker.GetBrokerConfigCommand;
import org.cometmq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.cometmq.tools.command.cluster.ClusterListSubCommand;
import org.cometmq.tools.command.connection.ConsumerConnectionSubCommand;
import org.cometmq.tools.command.connection.ProducerConnectionSubCommand;
import org.cometmq.tools.command.consumer.ConsumerProgressSubCommand;
import org.cometmq.tools.command.consumer.DeleteSubscriptionGroupCommand;
import org.cometmq.tools.command.consumer.UpdateSubGroupSubCommand;
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
import org.cometmq.tools.command.offset.ResetOffsetByTimeCommand;
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

/** Every sub-command of {@code mqadmin}, in the order the command list shows them. */
public final class SubCommands {
    private SubCommands() {
    }

    public static List<SubCommand> all() {
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
}
