package org.cometmq.broker.longpolling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.broker.filter.Sql92MessageFilter;
import org.cometmq.common.filter.sql92.Sql92Compiler;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;

class PullRequestHoldServiceTest {
    private final List<RemotingCommand> woken = new ArrayList<>();
    private long maxOffset = 4;
    private final PullRequestHoldService service = new PullRequestHoldService((ch, req) -> woken.add(req),
        (topic, queueId) -> maxOffset, Clock.systemUTC(), 5_000);

    private void holdSqlPull(String expression) throws Exception {
        HeldPullRequest request = new HeldPullRequest(RemotingCommand.createRequestCommand(11, null),
            new EmbeddedChannel(), 15_000, System.currentTimeMillis(), 4, new Sql92MessageFilter(Sql92Compiler.compile(expression)));
        service.suspendPullRequest("T", 0, request);
    }

    @Test
    void anSqlPullIsWokenOnlyByAMessageItsFilterTakes() throws Exception {
        holdSqlPull("a = 1");
        maxOffset = 5;
        service.notifyMessageArriving("T", 0, 5, 0L, 0, null, Map.of("a", "2"));
        assertEquals(1, service.heldCount(), "a = 2 does not match");
        assertEquals(0, woken.size());
        maxOffset = 6;
        service.notifyMessageArriving("T", 0, 6, 0L, 0, null, Map.of("a", "1"));
        assertEquals(0, service.heldCount());
        assertEquals(1, woken.size());
    }

    @Test
    void thePeriodicCheckWakesAnSqlPullWithSomethingNewToRead() throws Exception {
        holdSqlPull("a = 1");
        service.checkHoldRequest();
        assertEquals(1, service.heldCount(), "nothing new");
        maxOffset = 5;
        service.checkHoldRequest();
        assertEquals(0, service.heldCount(), "the check knows no properties: the pull reads and filters itself");
        assertEquals(1, woken.size());
    }
}
