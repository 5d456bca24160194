package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.QueryMessageRequestHeader;
import org.cometmq.common.protocol.header.QueryMessageResponseHeader;
import org.cometmq.common.protocol.header.ViewMessageRequestHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;
import org.cometmq.store.QueryMessageResult;
import org.cometmq.store.SelectMappedBufferResult;

/** QUERY_MESSAGE (by key or unique key, through the index) and VIEW_MESSAGE_BY_ID (by commit-log offset). */
public class QueryMessageProcessor implements NettyRequestProcessor {
    private final MessageStore store;
    private final int defaultQueryMaxNum;

    public QueryMessageProcessor(MessageStore store, int defaultQueryMaxNum) {
        this.store = store;
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        if (request.getCode() == RequestCode.VIEW_MESSAGE_BY_ID) {
            return viewMessageById(request);
        }
        return queryMessage(request);
    }

    private RemotingCommand queryMessage(RemotingCommand request) throws Exception {
        QueryMessageRequestHeader header = request.decodeCommandCustomHeader(QueryMessageRequestHeader.class);
        RemotingCommand response = RemotingCommand.createResponseCommand(QueryMessageResponseHeader.class);
        int maxNum = header.getMaxNum();
        if (request.getExtFields() != null
            && Boolean.parseBoolean(request.getExtFields().get(MixAll.UNIQUE_MSG_QUERY_FLAG))) {
            maxNum = defaultQueryMaxNum;
        }
        QueryMessageResult result = store.queryMessage(header.getTopic(), header.getKey(), maxNum,
            header.getBeginTimestamp(), header.getEndTimestamp());
        QueryMessageResponseHeader responseHeader = (QueryMessageResponseHeader) response.readCustomHeader();
        responseHeader.setIndexLastUpdatePhyoffset(result.getIndexLastUpdatePhyoffset());
        responseHeader.setIndexLastUpdateTimestamp(result.getIndexLastUpdateTimestamp());
        try {
            if (result.getBufferTotalSize() > 0) {
                response.setCode(ResponseCode.SUCCESS);
                response.setRemark(null);
                response.setBody(concat(result.getMessageBufferList(), result.getBufferTotalSize()));
                return response;
            }
        } finally {
            result.release();
        }
        response.setCode(ResponseCode.QUERY_NOT_FOUND);
        response.setRemark("can not find message, maybe time range not correct");
        return response;
    }

    private RemotingCommand viewMessageById(RemotingCommand request) throws Exception {
        ViewMessageRequestHeader header = request.decodeCommandCustomHeader(ViewMessageRequestHeader.class);
        SelectMappedBufferResult selected = store.selectOneMessageByOffset(header.getOffset());
        if (selected == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR,
                "can not find message by the offset, " + header.getOffset());
        }
        try {
            RemotingCommand response = Responses.success();
            response.setBody(concat(List.of(selected.getByteBuffer()), selected.getSize()));
            return response;
        } finally {
            selected.release();
        }
    }

    private static byte[] concat(List<ByteBuffer> buffers, int totalSize) {
        byte[] body = new byte[totalSize];
        int position = 0;
        for (ByteBuffer buffer : buffers) {
            ByteBuffer view = buffer.duplicate();
            int length = Math.min(view.remaining(), totalSize - position);
            view.get(body, position, length);
            position += length;
        }
        return body;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
