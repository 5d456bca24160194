package org.cometmq.common.protocol.body;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** QUERY_CORRECTION_OFFSET body: queue id to the offset every filter group has passed. */
public class QueryCorrectionOffsetBody extends RemotingSerializable {
    private Map<Integer, Long> correctionOffsets = new HashMap<>();

    public Map<Integer, Long> getCorrectionOffsets() {
        return correctionOffsets;
    }

    public void setCorrectionOffsets(Map<Integer, Long> correctionOffsets) {
        this.correctionOffsets = correctionOffsets;
    }
}
