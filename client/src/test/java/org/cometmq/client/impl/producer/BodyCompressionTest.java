package org.cometmq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageBatch;
import org.junit.jupiter.api.Test;

class BodyCompressionTest {

    @Test
    void bodiesFromTheThresholdOnAreZlibCompressedWithFlags0x301() throws Exception {
        byte[] body = new byte[4096];
        Arrays.fill(body, (byte) 'x');
        Message msg = new Message("T", body.clone());

        assertEquals(0x301, BodyCompression.compressIfLarge(msg, 4096));
        assertEquals(0x301, BodyCompression.ZLIB_FLAGS);
        assertEquals(0x78, msg.getBody()[0] & 0xFF, "zlib stream header");
        assertArrayEquals(body, UtilAll.uncompress(msg.getBody()));
    }

    @Test
    void smallerBodiesAndBatchesAreSentAsIs() {
        byte[] body = new byte[4095];
        Message msg = new Message("T", body);
        assertEquals(0, BodyCompression.compressIfLarge(msg, 4096));
        assertSame(body, msg.getBody());

        MessageBatch batch = MessageBatch.generateFromList(List.of(new Message("T", new byte[8000])));
        batch.setBody(batch.encode());
        byte[] encoded = batch.getBody();
        assertEquals(0, BodyCompression.compressIfLarge(batch, 4096));
        assertSame(encoded, batch.getBody());
    }
}
