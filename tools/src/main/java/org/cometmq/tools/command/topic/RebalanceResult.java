package org.cometmq.tools.command.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.common.message.MessageQueue;

/** What {@code allocateMQ} prints as JSON: client address to the queues it would consume. */
public class RebalanceResult {
    private Map<String, List<MessageQueue>> result = new HashMap<>();

    public Map<String, List<MessageQueue>> getResult() {
        return result;
    }

    public void setResult(Map<String, List<MessageQueue>> result) {
        this.result = result;
    }
}
