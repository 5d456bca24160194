package org.cometmq.dashboard.api;

import com.alibaba.fastjson2.JSONObject;
import java.util.List;
import java.util.Map;
import org.cometmq.dashboard.http.BadRequestException;
import org.cometmq.dashboard.http.HttpCall;
import org.cometmq.dashboard.http.HttpReply;
import org.cometmq.dashboard.http.Router;
import org.cometmq.dashboard.service.ClientRows;
import org.cometmq.dashboard.service.ClusterView;
import org.cometmq.dashboard.service.ConsumerGroups;
import org.cometmq.dashboard.service.MessageBrowser;
import org.cometmq.dashboard.service.TopicAdmin;
import org.cometmq.tools.admin.MQAdminExt;

/** The JSON API the UI calls: one route per page action, each a thin call into a service. */
public final class DashboardApi {
    private final MQAdminExt admin;
    private final ClusterView cluster;
    private final TopicAdmin topics;
    private final ConsumerGroups groups;
    private final MessageBrowser messages;

    public DashboardApi(MQAdminExt admin) {
        this.admin = admin;
        this.cluster = new ClusterView(admin);
        this.topics = new TopicAdmin(admin, cluster);
        this.groups = new ConsumerGroups(admin, cluster);
        this.messages = new MessageBrowser(admin);
    }

    /** A router with every API route. */
    public Router routes() {
        return new Router()
            .get("/api/cluster", call -> HttpReply.json(Map.of("brokers", cluster.brokers(),
                "namesrvAddr", String.join(";", admin.getNameServerAddressList()))))
            .get("/api/topics", call -> HttpReply.json(topics.list()))
            .post("/api/topics", this::saveTopic)
            .put("/api/topics/{topic}", this::saveTopic)
            .delete("/api/topics/{topic}", call -> HttpReply.json(Map.of("deletedFrom",
                topics.delete(call.pathParam("topic")))))
            .get("/api/topics/{topic}/route", call -> HttpReply.json(topics.route(call.pathParam("topic"))))
            .get("/api/topics/{topic}/offsets", call -> HttpReply.json(topics.queueOffsets(call.pathParam("topic"))))
            .get("/api/groups", call -> HttpReply.json(groups.names()))
            .get("/api/groups/{group}", call -> HttpReply.json(groups.detail(call.pathParam("group"))))
            .post("/api/groups/{group}/reset", this::resetOffsets)
            .get("/api/messages", this::findMessages)
            .get("/api/messages/{msgId}", call -> HttpReply.json(messages.byId(call.requiredQuery("topic"),
                call.pathParam("msgId"))))
            .post("/api/messages/{msgId}/resend", this::resend)
            .get("/api/producers", this::producers);
    }

    private HttpReply saveTopic(HttpCall call) throws Exception {
        JSONObject body = call.jsonBody();
        String topic = "POST".equals(call.method()) ? HttpCall.requiredField(body, "topic") : call.pathParam("topic");
        int writeQueues = body.getIntValue("writeQueueNums", 8);
        int readQueues = body.getIntValue("readQueueNums", writeQueues);
        int perm = body.getIntValue("perm", 6);
        List<String> brokers = topics.createOrUpdate(topic, readQueues, writeQueues, perm, body.getString("cluster"));
        return HttpReply.json(Map.of("topic", topic, "brokers", brokers));
    }

    private HttpReply resetOffsets(HttpCall call) throws Exception {
        JSONObject body = call.jsonBody();
        String topic = HttpCall.requiredField(body, "topic");
        Long timestamp = body.getLong("timestamp");
        if (timestamp == null) {
            throw new BadRequestException("field 'timestamp' (milliseconds since the epoch) is required");
        }
        return HttpReply.json(groups.resetByTime(call.pathParam("group"), topic, timestamp));
    }

    private HttpReply findMessages(HttpCall call) throws Exception {
        String topic = call.requiredQuery("topic");
        String key = call.query("key");
        if (key != null) {
            return HttpReply.json(messages.byKey(topic, key));
        }
        long begin = call.queryLong("begin", 0);
        long end = call.queryLong("end", Long.MAX_VALUE);
        return HttpReply.json(messages.byTime(topic, begin, end));
    }

    private HttpReply resend(HttpCall call) throws Exception {
        JSONObject body = call.jsonBody();
        return HttpReply.json(messages.resend(HttpCall.requiredField(body, "group"), body.getString("clientId"),
            HttpCall.requiredField(body, "topic"), call.pathParam("msgId")));
    }

    private HttpReply producers(HttpCall call) throws Exception {
        return HttpReply.json(ClientRows.of(admin.examineProducerConnectionInfo(call.requiredQuery("group"),
            call.requiredQuery("topic")).getConnectionSet()));
    }
}
