package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.SimpleDateFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.junit.jupiter.api.Test;

class OptionValuesAndFailureMessagesTest {
    private static CommandLine parse(String... args) throws Exception {
        Options options = new Options();
        for (String name : new String[] {"b", "p", "s", "t", "g"}) {
            options.addOption(new Option(name, true, name));
        }
        return new DefaultParser().parse(options, args);
    }

    @Test
    void booleansMustBeTrueOrFalse() throws Exception {
        assertEquals(true, OptionValues.boolValue(parse("-b", " TRUE "), 'b', false));
        assertEquals(false, OptionValues.boolValue(parse(), 'b', false));
        SubCommandException e = assertThrows(SubCommandException.class,
            () -> OptionValues.boolValue(parse("-b", "yes"), 'b', false));
        assertEquals("invalid -b 'yes': expected true or false", e.getMessage());
    }

    @Test
    void permissionsAreZeroToSeven() throws Exception {
        assertEquals(6, OptionValues.perm(parse("-p", "6"), 'p', 0));
        SubCommandException e = assertThrows(SubCommandException.class, () -> OptionValues.perm(parse("-p", "9"), 'p',
            0));
        assertEquals("invalid -p '9': expected a permission: 2 = W, 4 = R, 6 = RW", e.getMessage());
    }

    @Test
    void timestampsAreMillisOrLocalTimeText() throws Exception {
        assertEquals(1_700_000_000_000L, OptionValues.timestamp(parse("-s", "1700000000000"), 's'));
        long expected = new SimpleDateFormat("yyyy-MM-dd#HH:mm:ss:SSS").parse("2024-01-02#03:04:05:006").getTime();
        assertEquals(expected, OptionValues.timestamp(parse("-s", "2024-01-02#03:04:05:006"), 's'));
        long before = System.currentTimeMillis();
        long now = OptionValues.timestamp(parse("-s", "now"), 's');
        assertEquals(true, now >= before && now <= System.currentTimeMillis());
        assertThrows(SubCommandException.class, () -> OptionValues.timestamp(parse("-s", "2024-13-02#03:04:05:006"),
            's'));
    }

    @Test
    void failuresAreDescribedWithWhatToTry() throws Exception {
        assertEquals("no route info for topic 'Orders' (is the topic created? try mqadmin topicList)",
            FailureMessages.describe(new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "x"), parse("-t", "Orders")));
        assertEquals("error code 1 from 127.0.0.1:10911: disk full", FailureMessages.describe(
            new MQBrokerException(ResponseCode.SYSTEM_ERROR, "disk full", "127.0.0.1:10911"), parse()));
        assertEquals("refused, no permission from 127.0.0.1:10911: topic is read only", FailureMessages.describe(
            new MQBrokerException(ResponseCode.NO_PERMISSION, "topic is read only", "127.0.0.1:10911"), parse()));
        assertEquals("request timed out: invokeSync timeout", FailureMessages.describe(
            new MQClientException("send failed", new RemotingTimeoutException("invokeSync timeout")), parse()));
        assertEquals("IllegalStateException: boom", FailureMessages.describe(new IllegalStateException("boom"),
            parse()));
    }
}
