package org.cometmq.test.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.cometmq.common.filter.sql92.FilterException;
import org.cometmq.common.filter.sql92.Sql92Compiler;
import org.cometmq.common.filter.sql92.Sql92Expression;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.common.message.MessageFormatException;
import org.cometmq.store.commitlog.PreparedBatch;

/**
 * Fuzz targets for message bytes and filters: stored records through {@link MessageDecoder}, batch bodies as the
 * broker splits them, and SQL92 selectors compiled and evaluated. Bad input may only raise the documented errors.
 */
class MessageFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void messageDecoder(FuzzedDataProvider data) {
        boolean client = data.consumeBoolean();
        boolean checkCrc = data.consumeBoolean();
        ByteBuffer buffer = ByteBuffer.wrap(data.consumeRemainingAsBytes());
        try {
            MessageDecoder.decode(buffer, true, true, client, false, checkCrc);
        } catch (MessageFormatException expected) {
            // a truncated or inconsistent record is refused with a reason
        }
        buffer.rewind();
        try {
            MessageDecoder.decodes(buffer);
        } catch (MessageFormatException expected) {
            // as above, for a run of records
        }
    }

    @FuzzTest(maxDuration = "30s")
    void batchDecoding(byte[] body) {
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic("FuzzTopic");
        batch.setBody(body);
        batch.setBornHost(new InetSocketAddress("127.0.0.1", 10000));
        batch.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        try {
            PreparedBatch.parse(batch).check(4 * 1024 * 1024);
        } catch (IllegalArgumentException expected) {
            // a malformed batch is refused as MESSAGE_ILLEGAL
        }
    }

    @FuzzTest(maxDuration = "30s")
    void sql92Compiler(FuzzedDataProvider data) {
        Map<String, Object> properties = Map.of("a", data.consumeString(8), "b", String.valueOf(data.consumeInt()),
            "TAGS", data.consumeString(8));
        String selector = data.consumeRemainingAsString();
        Sql92Expression expression;
        try {
            expression = Sql92Compiler.compile(selector);
        } catch (FilterException expected) {
            return; // the subscription is refused with the reason
        }
        expression.matches(properties::get);
    }
}
