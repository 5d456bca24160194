package org.cometmq.test.fidelity;

import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * What a broker answers at the edges of a queue: pulls at and beyond its ends (through Apache's pull consumer and
 * as raw PULL_MESSAGE commands, so the response code and header are compared too), min/max/search offsets of an
 * unknown topic, and the consume offset of a group that never committed one.
 */
final class QueueEdges {
    private static final long TIMEOUT_MILLIS = 5_000;

    private QueueEdges() {
    }

    /** A pull as Apache's pull consumer reports it. */
    record Pull(String status, long nextBeginOffset, long minOffset, long maxOffset) {
    }

    static Pull pull(StoreFidelityFixture fixture, MessageQueue mq, long offset) throws Exception {
        PullResult result = fixture.reader().pull(mq, "*", offset, 32);
        return new Pull(result.getPullStatus().name(), result.getNextBeginOffset(), result.getMinOffset(),
            result.getMaxOffset());
    }

    /** "min/max/search" offsets of {@code mq} as the admin API reports them. */
    static String minMaxSearch(StoreFidelityFixture fixture, MessageQueue mq) throws Exception {
        return fixture.admin().minOffset(mq) + "/" + fixture.admin().maxOffset(mq) + "/"
            + fixture.admin().searchOffset(mq, System.currentTimeMillis());
    }

    /** A raw PULL_MESSAGE for {@code offset}: "code remark next=.. min=.. max=.. suggest=..". */
    static String rawPull(StoreFidelityFixture fixture, MessageQueue mq, long offset) throws Exception {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(StoreFidelityFixture.unique("fid_raw_pull"));
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(PullSysFlag.buildSysFlag(false, false, true, false));
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        RemotingCommand response = invoke(fixture, RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE,
            header));
        Map<String, String> fields = response.getExtFields() == null ? new HashMap<>() : response.getExtFields();
        return response.getCode() + " " + response.getRemark() + " next=" + fields.get("nextBeginOffset")
            + " min=" + fields.get("minOffset") + " max=" + fields.get("maxOffset")
            + " suggest=" + fields.get("suggestWhichBrokerId");
    }

    /** QUERY_CONSUMER_OFFSET for a group: "code remark offset". */
    static String queryConsumerOffset(StoreFidelityFixture fixture, String group, MessageQueue mq) throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        RemotingCommand response = invoke(fixture,
            RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, header));
        String offset = response.getExtFields() == null ? null : response.getExtFields().get("offset");
        return codeName(response.getCode()) + (response.getRemark() == null ? "" : " " + response.getRemark())
            + (offset == null ? "" : " " + offset);
    }

    private static String codeName(int code) {
        return switch (code) {
            case 0 -> "SUCCESS";
            case 22 -> "QUERY_NOT_FOUND";
            default -> String.valueOf(code);
        };
    }

    private static RemotingCommand invoke(StoreFidelityFixture fixture, RemotingCommand request) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            return client.invokeSync(fixture.cluster().brokerAddr(), request, TIMEOUT_MILLIS);
        } finally {
            client.shutdown();
        }
    }
}
