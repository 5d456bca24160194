package org.cometmq.client.trace;

import java.util.HashSet;
import java.util.Set;

/** One encoded trace context: its records and the keys the trace message is indexed by. */
public class TraceTransferBean {
    private String transData;
    private Set<String> transKey = new HashSet<>();

    public String getTransData() {
        return transData;
    }

    public void setTransData(String transData) {
        this.transData = transData;
    }

    public Set<String> getTransKey() {
        return transKey;
    }

    public void setTransKey(Set<String> transKey) {
        this.transKey = transKey;
    }
}
