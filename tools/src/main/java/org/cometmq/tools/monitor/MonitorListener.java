package org.cometmq.tools.monitor;

import java.util.TreeMap;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;

/** What {@link MonitorService} finds, told as it finds it: each round's reports between its begin and end. */
public interface MonitorListener {
    void beginRound();

    /** The backlog of one online group on one topic. */
    void reportUndoneMsgs(UndoneMsgs undoneMsgs);

    void reportFailedMsgs(FailedMsgs failedMsgs);

    /** A broker moved a group's offset (outside the rounds, as the event arrives). */
    void reportDeleteMsgsEvent(DeleteMsgsEvent deleteMsgsEvent);

    /** The running info of each client of one group, by client id. */
    void reportConsumerRunningInfo(TreeMap<String, ConsumerRunningInfo> criTable);

    void endRound();
}
