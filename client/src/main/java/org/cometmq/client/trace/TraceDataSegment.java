package org.cometmq.client.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The encoded trace records waiting for one trace topic (and region). They leave as one trace message when they
 * reach the size limit or when the first of them has waited long enough.
 */
final class TraceDataSegment {
    private final String traceTopicName;
    private final String regionId;
    private final List<TraceTransferBean> beans = new ArrayList<>();
    private long firstBeanAddTime;
    private int currentMsgSize;

    TraceDataSegment(String traceTopicName, String regionId) {
        this.traceTopicName = traceTopicName;
        this.regionId = regionId;
    }

    /** Adds a context's records; true when the segment is now full and should be sent. */
    boolean add(TraceContext context, int sizeLimit) {
        if (beans.isEmpty()) {
            firstBeanAddTime = System.currentTimeMillis();
        }
        TraceTransferBean bean = TraceDataEncoder.encoderFromContextBean(context);
        beans.add(bean);
        currentMsgSize += bean.getTransData().length();
        return currentMsgSize >= sizeLimit;
    }

    boolean waitedLongerThan(long millis) {
        return !beans.isEmpty() && System.currentTimeMillis() - firstBeanAddTime >= millis;
    }

    boolean isEmpty() {
        return beans.isEmpty();
    }

    /** The waiting records as one trace message body and its index keys; the segment is empty afterwards. */
    TraceTransferBean drain() {
        StringBuilder data = new StringBuilder(Math.max(16, currentMsgSize));
        Set<String> keys = new HashSet<>();
        for (TraceTransferBean bean : beans) {
            data.append(bean.getTransData());
            keys.addAll(bean.getTransKey());
        }
        beans.clear();
        currentMsgSize = 0;
        TraceTransferBean all = new TraceTransferBean();
        all.setTransData(data.toString());
        all.setTransKey(keys);
        return all;
    }

    String traceTopicName() {
        return traceTopicName;
    }

    String regionId() {
        return regionId;
    }
}
