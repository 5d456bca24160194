package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import java.util.Set;
import java.util.function.Supplier;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.config.BrokerRole;

/**
 * On a slave, refuses the requests that would change topics or subscription groups (its tables are copies of the
 * master's and the next synchronisation would overwrite them), with 4.9.7's code and remark; everything else goes
 * to the wrapped processor.
 */
public class SlaveMetadataGuard implements NettyRequestProcessor {
    static final String REMARK =
        "Can't modify topic or subscription group from slave broker, please execute it from master broker.";
    private static final Set<Integer> GUARDED = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
        RequestCode.DELETE_SUBSCRIPTIONGROUP);

    private final NettyRequestProcessor delegate;
    private final Supplier<BrokerRole> role;

    public SlaveMetadataGuard(NettyRequestProcessor delegate, Supplier<BrokerRole> role) {
        this.delegate = delegate;
        this.role = role;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        if (role.get() == BrokerRole.SLAVE && GUARDED.contains(request.getCode())) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, REMARK);
        }
        return delegate.processRequest(ctx, request);
    }

    @Override
    public boolean rejectRequest() {
        return delegate.rejectRequest();
    }
}
