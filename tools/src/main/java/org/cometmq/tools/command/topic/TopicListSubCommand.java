package org.cometmq.tools.command.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.CommandOptions;
import org.cometmq.tools.command.Formats;
import org.cometmq.tools.command.SubCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code topicList}: every topic the name servers know, one per line, sorted; with {@code -c} a table of
 * cluster, topic and consuming group (retry and DLQ topics left out).
 */
public class TopicListSubCommand implements SubCommand {
    private static final Logger LOG = LoggerFactory.getLogger(TopicListSubCommand.class);
    static final String CLUSTER_ROW = "%-20s  %-64s  %-64s%n";

    @Override
    public String commandName() {
        return "topicList";
    }

    @Override
    public String commandDesc() {
        return "Fetch all topic list from name server";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MQAdminExt admin = context.admin();
        Set<String> topics = new TreeSet<>(admin.fetchAllTopicList().getTopicList());
        if (!commandLine.hasOption('c')) {
            for (String topic : topics) {
                context.out().printf("%s%n", topic);
            }
            return;
        }
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        context.out().printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
        for (String topic : topics) {
            if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
                continue;
            }
            String cluster = "";
            List<String> groups = new ArrayList<>();
            try {
                cluster = clusterOf(admin.examineTopicRouteInfo(topic), clusterInfo);
                GroupList groupList = admin.queryTopicConsumeByWho(topic);
                if (groupList != null) {
                    groups.addAll(new TreeSet<>(groupList.getGroupList()));
                }
            } catch (Exception e) {
                // a topic without route or broker answer still gets its row
                LOG.warn("cluster or consumer groups of topic {} not found: {}", topic, e.toString());
            }
            if (groups.isEmpty()) {
                groups.add("");
            }
            for (String group : groups) {
                context.out().printf(CLUSTER_ROW, Formats.front(cluster, 20), Formats.front(topic, 64),
                    Formats.front(group, 64));
            }
        }
    }

    /** The cluster of the first broker of the route that the cluster table lists. */
    static String clusterOf(TopicRouteData route, ClusterInfo clusterInfo) {
        if (route.getBrokerDatas() == null || route.getBrokerDatas().isEmpty()) {
            return "";
        }
        String brokerName = route.getBrokerDatas().get(0).getBrokerName();
        for (Map.Entry<String, Set<String>> entry : clusterInfo.getClusterAddrTable().entrySet()) {
            if (entry.getValue().contains(brokerName)) {
                return entry.getKey();
            }
        }
        return "";
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return CommandOptions.to(options)
            .flag("c", "clusterModel", "clusterModel")
            .options();
    }
}
