package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pull thread hands each request to the puller its group registered, and drops it once none is. */
class PullMessageServiceTest {
    private final PullMessageService service = new PullMessageService();
    private final LinkedBlockingQueue<String> pulled = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() {
        service.shutdown(true);
    }

    private static PullRequest request(String group, int queueId) {
        return new PullRequest(group, new MessageQueue("TopicTest", "broker-a", queueId), new ProcessQueue(), 0);
    }

    @Test
    void requestsGoToTheirGroupsPullerUntilItIsUnregistered() throws Exception {
        service.registerPuller("cg1", pr -> pulled.add("cg1 q" + pr.getMessageQueue().getQueueId()));
        service.registerPuller("cg2", pr -> pulled.add("cg2 q" + pr.getMessageQueue().getQueueId()));
        service.start();

        service.executePullRequestImmediately(request("cg2", 1));
        assertEquals("cg2 q1", pulled.poll(5, TimeUnit.SECONDS));
        service.executePullRequestLater(request("cg1", 3), 20);
        assertEquals("cg1 q3", pulled.poll(5, TimeUnit.SECONDS));

        service.unregisterPuller("cg1");
        service.executePullRequestImmediately(request("cg1", 4));
        service.executePullRequestImmediately(request("cg2", 5));
        assertEquals("cg2 q5", pulled.poll(5, TimeUnit.SECONDS));
        assertNull(pulled.poll(200, TimeUnit.MILLISECONDS), "the request of the unregistered group was dropped");
    }
}
