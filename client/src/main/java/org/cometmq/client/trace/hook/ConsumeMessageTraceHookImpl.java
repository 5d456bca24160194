package org.cometmq.client.trace.hook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.client.consumer.listener.ConsumeReturnType;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.client.trace.TraceBean;
import org.cometmq.client.trace.TraceContext;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceType;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;

/**
 * Makes the SubBefore record of every message handed to a listener (unless its producer switched trace off) and the
 * SubAfter record with the outcome, sharing one request id.
 */
public class ConsumeMessageTraceHookImpl implements ConsumeMessageHook {
    private final TraceDispatcher localDispatcher;

    public ConsumeMessageTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "ConsumeMessageTraceHook";
    }

    @Override
    public void consumeMessageBefore(ConsumeMessageContext context) {
        if (context == null || context.getMsgList() == null || context.getMsgList().isEmpty()) {
            return;
        }
        TraceContext traceContext = new TraceContext();
        context.setMqTraceContext(traceContext);
        traceContext.setTraceType(TraceType.SubBefore);
        traceContext.setGroupName(NamespaceUtil.withoutNamespace(context.getConsumerGroup()));
        List<TraceBean> beans = new ArrayList<>();
        for (MessageExt msg : context.getMsgList()) {
            if (msg == null || "false".equals(msg.getProperty(MessageConst.PROPERTY_TRACE_SWITCH))) {
                continue;
            }
            TraceBean bean = new TraceBean();
            bean.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic()));
            bean.setMsgId(msg.getMsgId());
            bean.setTags(msg.getTags());
            bean.setKeys(msg.getKeys());
            bean.setStoreTime(msg.getStoreTimestamp());
            bean.setBodyLength(msg.getStoreSize());
            bean.setRetryTimes(msg.getReconsumeTimes());
            traceContext.setRegionId(msg.getProperty(MessageConst.PROPERTY_MSG_REGION));
            beans.add(bean);
        }
        if (!beans.isEmpty()) {
            traceContext.setTraceBeans(beans);
            traceContext.setTimeStamp(System.currentTimeMillis());
            localDispatcher.append(traceContext);
        }
    }

    @Override
    public void consumeMessageAfter(ConsumeMessageContext context) {
        if (context == null || context.getMsgList() == null || context.getMsgList().isEmpty()) {
            return;
        }
        TraceContext before = (TraceContext) context.getMqTraceContext();
        if (before == null || before.getTraceBeans() == null || before.getTraceBeans().isEmpty()) {
            return;
        }
        TraceContext after = new TraceContext();
        after.setTraceType(TraceType.SubAfter);
        after.setRegionId(before.getRegionId());
        after.setGroupName(NamespaceUtil.withoutNamespace(before.getGroupName()));
        after.setRequestId(before.getRequestId());
        after.setAccessChannel(context.getAccessChannel());
        after.setSuccess(context.isSuccess());
        after.setCostTime((int) ((System.currentTimeMillis() - before.getTimeStamp()) / context.getMsgList().size()));
        after.setTraceBeans(before.getTraceBeans());
        Map<String, String> props = context.getProps();
        if (props != null && props.get(MixAll.CONSUME_CONTEXT_TYPE) != null) {
            after.setContextCode(ConsumeReturnType.valueOf(props.get(MixAll.CONSUME_CONTEXT_TYPE)).ordinal());
        }
        localDispatcher.append(after);
    }
}
