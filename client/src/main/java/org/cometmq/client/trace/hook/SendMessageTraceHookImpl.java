package org.cometmq.client.trace.hook;

import java.util.ArrayList;
import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.hook.SendMessageHook;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.trace.AsyncTraceDispatcher;
import org.cometmq.client.trace.TraceBean;
import org.cometmq.client.trace.TraceContext;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceType;

/**
 * Makes the Pub record of every sent message: started before the send, completed and queued when the broker's
 * answer arrives (a send without an answer, or to a broker with trace switched off, leaves no record).
 */
public class SendMessageTraceHookImpl implements SendMessageHook {
    private final TraceDispatcher localDispatcher;

    public SendMessageTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "SendMessageTraceHook";
    }

    @Override
    public void sendMessageBefore(SendMessageContext context) {
        if (context == null || isTraceMessage(context)) {
            return;
        }
        TraceContext traceContext = new TraceContext();
        traceContext.setTraceBeans(new ArrayList<>(1));
        context.setMqTraceContext(traceContext);
        traceContext.setTraceType(TraceType.Pub);
        traceContext.setGroupName(NamespaceUtil.withoutNamespace(context.getProducerGroup()));
        TraceBean bean = new TraceBean();
        bean.setTopic(NamespaceUtil.withoutNamespace(context.getMessage().getTopic()));
        bean.setTags(context.getMessage().getTags());
        bean.setKeys(context.getMessage().getKeys());
        bean.setStoreHost(context.getBrokerAddr());
        bean.setBodyLength(context.getMessage().getBody().length);
        bean.setMsgType(context.getMsgType());
        traceContext.getTraceBeans().add(bean);
    }

    @Override
    public void sendMessageAfter(SendMessageContext context) {
        if (context == null || isTraceMessage(context) || context.getMqTraceContext() == null) {
            return;
        }
        SendResult result = context.getSendResult();
        if (result == null || result.getRegionId() == null || !result.isTraceOn()) {
            return;
        }
        TraceContext traceContext = (TraceContext) context.getMqTraceContext();
        TraceBean bean = traceContext.getTraceBeans().get(0);
        int costTime = (int) ((System.currentTimeMillis() - traceContext.getTimeStamp())
            / traceContext.getTraceBeans().size());
        traceContext.setCostTime(costTime);
        traceContext.setSuccess(result.getSendStatus() == SendStatus.SEND_OK);
        traceContext.setRegionId(result.getRegionId());
        bean.setMsgId(result.getMsgId());
        bean.setOffsetMsgId(result.getOffsetMsgId());
        bean.setStoreTime(traceContext.getTimeStamp() + costTime / 2);
        localDispatcher.append(traceContext);
    }

    private boolean isTraceMessage(SendMessageContext context) {
        return localDispatcher instanceof AsyncTraceDispatcher async
            && context.getMessage().getTopic().startsWith(async.getTraceTopicName());
    }
}
