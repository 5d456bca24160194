package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ConsumeQueueData;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.common.protocol.header.QueryConsumeQueueRequestHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.queue.ConsumeQueue;

/** QUERY_CONSUME_QUEUE (mqadmin queryCq): raw consume-queue entries of one queue from an index. */
public class ConsumeQueueQueryProcessor implements NettyRequestProcessor {
    private static final int MAX_COUNT = 1_000;

    private final MessageStore store;
    private final ConsumerManager consumerManager;

    public ConsumeQueueQueryProcessor(MessageStore store, ConsumerManager consumerManager) {
        this.store = store;
        this.consumerManager = consumerManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        QueryConsumeQueueRequestHeader header = request.decodeCommandCustomHeader(QueryConsumeQueueRequestHeader.class);
        ConsumeQueue queue = store.getConsumeQueue(header.getTopic(), header.getQueueId());
        if (queue == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, header.getQueueId() + "@" + header.getTopic()
                + " is not exist!");
        }
        QueryConsumeQueueResponseBody body = new QueryConsumeQueueResponseBody();
        body.setMaxQueueIndex(queue.getMaxOffsetInQueue());
        body.setMinQueueIndex(queue.getMinOffsetInQueue());
        if (header.getConsumerGroup() != null) {
            body.setSubscriptionData(consumerManager.findSubscriptionData(header.getConsumerGroup(), header.getTopic()));
        }
        SelectMappedBufferResult entries = queue.getIndexBuffer(header.getIndex());
        if (entries == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "no consume queue entry at index " + header.getIndex()
                + " of " + header.getQueueId() + "@" + header.getTopic() + " (min " + body.getMinQueueIndex()
                + ", max " + body.getMaxQueueIndex() + ")");
        }
        try {
            ByteBuffer buffer = entries.getByteBuffer().duplicate();
            int count = Math.min(Math.max(header.getCount(), 0), MAX_COUNT);
            long end = Math.min(header.getIndex() + count, queue.getMaxOffsetInQueue());
            for (long index = header.getIndex(); index < end && buffer.remaining() >= ConsumeQueue.CQ_STORE_UNIT_SIZE;
                 index++) {
                ConsumeQueueData data = new ConsumeQueueData();
                data.setPhysicOffset(buffer.getLong());
                data.setPhysicSize(buffer.getInt());
                data.setTagsCode(buffer.getLong());
                body.getQueueData().add(data);
            }
        } finally {
            entries.release();
        }
        return Responses.json(body);
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
