package org.cometmq.client.trace.hook;

import java.util.ArrayList;
import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.client.hook.EndTransactionContext;
import org.cometmq.client.hook.EndTransactionHook;
import org.cometmq.client.trace.AsyncTraceDispatcher;
import org.cometmq.client.trace.TraceBean;
import org.cometmq.client.trace.TraceContext;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceType;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageType;

/** Makes the EndTransaction record of every transaction outcome the producer reports. */
public class EndTransactionTraceHookImpl implements EndTransactionHook {
    private static final String DEFAULT_REGION = "DefaultRegion";

    private final TraceDispatcher localDispatcher;

    public EndTransactionTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "EndTransactionTraceHook";
    }

    @Override
    public void endTransaction(EndTransactionContext context) {
        if (context == null || !(localDispatcher instanceof AsyncTraceDispatcher async)
            || context.getMessage().getTopic().startsWith(async.getTraceTopicName())) {
            return;
        }
        Message msg = context.getMessage();
        TraceContext traceContext = new TraceContext();
        traceContext.setTraceBeans(new ArrayList<>(1));
        traceContext.setTraceType(TraceType.EndTransaction);
        traceContext.setGroupName(NamespaceUtil.withoutNamespace(context.getProducerGroup()));
        TraceBean bean = new TraceBean();
        bean.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic()));
        bean.setTags(msg.getTags());
        bean.setKeys(msg.getKeys());
        bean.setStoreHost(context.getBrokerAddr());
        bean.setMsgType(MessageType.Trans_msg_Commit);
        if (async.getHostProducer() != null && async.getHostProducer().getMQClientFactory() != null) {
            bean.setClientHost(async.getHostProducer().getMQClientFactory().getClientId());
        }
        bean.setMsgId(context.getMsgId());
        bean.setTransactionState(context.getTransactionState());
        bean.setTransactionId(context.getTransactionId());
        bean.setFromTransactionCheck(context.isFromTransactionCheck());
        String regionId = msg.getProperty(MessageConst.PROPERTY_MSG_REGION);
        traceContext.setRegionId(regionId == null || regionId.isEmpty() ? DEFAULT_REGION : regionId);
        traceContext.getTraceBeans().add(bean);
        traceContext.setTimeStamp(System.currentTimeMillis());
        localDispatcher.append(traceContext);
    }
}
