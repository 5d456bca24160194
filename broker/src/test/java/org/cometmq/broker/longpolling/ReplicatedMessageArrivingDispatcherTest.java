package org.cometmq.broker.longpolling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.DispatchRequest;
import org.junit.jupiter.api.Test;

class ReplicatedMessageArrivingDispatcherTest {

    @Test
    void aDispatchedMessageWakesItsQueueButAHalfTransactionalOneDoesNot() {
        List<String> woken = new ArrayList<>();
        ReplicatedMessageArrivingDispatcher dispatcher = new ReplicatedMessageArrivingDispatcher(
            (topic, queueId, logicOffset, tagsCode, storeTime, bitMap, props) ->
                woken.add(topic + "/" + queueId + "@" + logicOffset));
        dispatcher.dispatch(new DispatchRequest("T", 2, 0, 100, 0, 0, 6, null, null, 0, 0, Map.of()));
        dispatcher.dispatch(new DispatchRequest("T", 2, 100, 100, 0, 0, 7, null, null,
            MessageSysFlag.TRANSACTION_PREPARED_TYPE, 0, Map.of()));
        assertEquals(List.of("T/2@7"), woken);
    }
}
