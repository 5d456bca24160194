package org.cometmq.client.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.impl.factory.TopicRouteConverter;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MQFaultStrategyTest {
    private final ManualClock clock = new ManualClock(1_000_000L);
    private LatencyFaultToleranceImpl tolerance;
    private MQFaultStrategy strategy;
    private TopicPublishInfo twoBrokers;

    @BeforeEach
    void setUp() {
        tolerance = new LatencyFaultToleranceImpl(clock);
        strategy = new MQFaultStrategy(tolerance);
        strategy.setSendLatencyFaultEnable(true);
        twoBrokers = TopicRouteConverter.toPublishInfo("T", RouteFixtures.route(2, "broker-a", "broker-b"));
        twoBrokers.getSendWhichQueue().reset(-1);
    }

    @Test
    void latencyMapsToTheLargestMatchingStep() {
        assertEquals(0, strategy.computeNotAvailableDuration(0));
        assertEquals(0, strategy.computeNotAvailableDuration(549));
        assertEquals(30000, strategy.computeNotAvailableDuration(550));
        assertEquals(60000, strategy.computeNotAvailableDuration(1000));
        assertEquals(120000, strategy.computeNotAvailableDuration(2999));
        assertEquals(180000, strategy.computeNotAvailableDuration(3000));
        assertEquals(600000, strategy.computeNotAvailableDuration(15000));
        assertEquals(600000, strategy.computeNotAvailableDuration(30000));
    }

    @Test
    void brokerAnsweringInThreeSecondsIsSkippedFor180Seconds() {
        strategy.updateFaultItem("broker-a", 3000, false);

        assertEquals(List.of("broker-b", "broker-b", "broker-b", "broker-b"), pickBrokers(4));

        clock.advance(179_999);
        assertFalse(tolerance.isAvailable("broker-a"));
        assertEquals(List.of("broker-b", "broker-b"), pickBrokers(2));

        clock.advance(1);
        assertTrue(tolerance.isAvailable("broker-a"));
        assertEquals(List.of("broker-a", "broker-a", "broker-b", "broker-b"), pickBrokers(4));
    }

    @Test
    void failedSendIsolatesTheBrokerForTenMinutes() {
        strategy.updateFaultItem("broker-b", 5, true);
        clock.advance(599_999);
        assertFalse(tolerance.isAvailable("broker-b"));
        clock.advance(1);
        assertTrue(tolerance.isAvailable("broker-b"));
    }

    @Test
    void withEveryBrokerUnavailableOneIsStillChosen() {
        strategy.updateFaultItem("broker-a", 3000, false);
        strategy.updateFaultItem("broker-b", 15000, false);

        for (int i = 0; i < 6; i++) {
            MessageQueue mq = strategy.selectOneMessageQueue(twoBrokers, null);
            assertNotNull(mq);
            assertEquals("T", mq.getTopic());
            assertTrue(mq.getQueueId() >= 0 && mq.getQueueId() < 2, mq.toString());
        }
        // the better of the two (lower latency) is the one picked while both are out
        assertEquals("broker-a", tolerance.pickOneAtLeast());
    }

    @Test
    void fastBrokersAreNeverSetAside() {
        strategy.updateFaultItem("broker-a", 100, false);
        assertTrue(tolerance.isAvailable("broker-a"));
        assertEquals(List.of("broker-a", "broker-a", "broker-b", "broker-b"), pickBrokers(4));
    }

    @Test
    void disabledStrategyRecordsNothingAndSkipsOnlyTheLastBroker() {
        MQFaultStrategy plain = new MQFaultStrategy(tolerance);
        plain.updateFaultItem("broker-a", 15000, true);
        assertTrue(tolerance.isAvailable("broker-a"));
        for (int i = 0; i < 4; i++) {
            assertEquals("broker-b", plain.selectOneMessageQueue(twoBrokers, "broker-a").getBrokerName());
        }
    }

    private List<String> pickBrokers(int count) {
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            brokers.add(strategy.selectOneMessageQueue(twoBrokers, null).getBrokerName());
        }
        return brokers;
    }
}
