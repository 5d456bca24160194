package org.cometmq.client.trace;

import java.util.List;
import org.cometmq.client.AccessChannel;
import org.cometmq.common.message.MessageClientIDSetter;

/** One trace record before encoding (a SubBefore or SubAfter context may cover several messages, one bean each). */
public class TraceContext implements Comparable<TraceContext> {
    private TraceType traceType;
    private long timeStamp = System.currentTimeMillis();
    private String regionId = "";
    private String regionName = "";
    private String groupName = "";
    private int costTime = 0;
    private boolean success = true;
    private String requestId = MessageClientIDSetter.createUniqID();
    private int contextCode = 0;
    private AccessChannel accessChannel;
    private List<TraceBean> traceBeans;

    public TraceType getTraceType() {
        return traceType;
    }

    public void setTraceType(TraceType traceType) {
        this.traceType = traceType;
    }

    public long getTimeStamp() {
        return timeStamp;
    }

    public void setTimeStamp(long timeStamp) {
        this.timeStamp = timeStamp;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getRegionName() {
        return regionName;
    }

    public void setRegionName(String regionName) {
        this.regionName = regionName;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public int getCostTime() {
        return costTime;
    }

    public void setCostTime(int costTime) {
        this.costTime = costTime;
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public int getContextCode() {
        return contextCode;
    }

    public void setContextCode(int contextCode) {
        this.contextCode = contextCode;
    }

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    public List<TraceBean> getTraceBeans() {
        return traceBeans;
    }

    public void setTraceBeans(List<TraceBean> traceBeans) {
        this.traceBeans = traceBeans;
    }

    /** Orders contexts by time stamp. */
    @Override
    public int compareTo(TraceContext o) {
        return Long.compare(this.timeStamp, o.getTimeStamp());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(traceType).append('_').append(groupName).append('_').append(regionId).append('_').append(success)
            .append('_');
        if (traceBeans != null && !traceBeans.isEmpty()) {
            for (TraceBean bean : traceBeans) {
                sb.append(bean.getMsgId()).append('_').append(bean.getTopic()).append('_');
            }
        }
        return "TraceContext{" + sb + '}';
    }
}
