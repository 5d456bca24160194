package org.cometmq.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBatchTest {

    private static List<Message> three() {
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message m = new Message("BatchTopic", "Tag" + i, "key" + i, ("body" + i).getBytes(StandardCharsets.UTF_8));
            m.setFlag(i);
            MessageClientIDSetter.setUniqID(m);
            list.add(m);
        }
        return list;
    }

    @Test
    void singleEntryLayout() {
        Message m = new Message();
        m.setFlag(7);
        m.setBody(new byte[] {1, 2});
        MessageAccessor.putProperty(m, "A", "b");
        ByteBuffer expected = ByteBuffer.allocate(22 + 2 + 3);
        expected.putInt(27).putInt(0).putInt(0).putInt(7).putInt(2).put(new byte[] {1, 2}).putShort((short) 3)
            .put(new byte[] {'A', 1, 'b'});
        assertArrayEquals(expected.array(), MessageDecoder.encodeMessage(m));
    }

    @Test
    void batchEncodeDecodeRoundTrip() {
        List<Message> messages = three();
        MessageBatch batch = MessageBatch.generateFromList(messages);
        assertEquals("BatchTopic", batch.getTopic());
        assertTrue(batch.isWaitStoreMsgOK());
        byte[] body = batch.encode();
        int expectedLength = 0;
        for (Message m : messages) {
            expectedLength += MessageDecoder.encodeMessage(m).length;
        }
        assertEquals(expectedLength, body.length);

        ByteBuffer bb = ByteBuffer.wrap(body);
        List<Message> decoded = MessageDecoder.decodeMessages(bb);
        assertEquals(3, decoded.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, decoded.get(i).getFlag());
            assertArrayEquals(messages.get(i).getBody(), decoded.get(i).getBody());
            assertEquals(messages.get(i).getProperties(), decoded.get(i).getProperties());
            assertEquals("Tag" + i, decoded.get(i).getTags());
        }
        assertEquals(body.length, bb.position());
    }

    @Test
    void truncatedOrCorruptBatchIsRejected() {
        List<Message> messages = three();
        byte[] body = MessageBatch.generateFromList(messages).encode();
        int first = MessageDecoder.encodeMessage(messages.get(0)).length;
        int second = first + MessageDecoder.encodeMessage(messages.get(1)).length;
        for (int cut = 1; cut < body.length; cut++) {
            if (cut == first || cut == second) {
                assertEquals(cut == first ? 1 : 2,
                    MessageDecoder.decodeMessages(ByteBuffer.wrap(Arrays.copyOf(body, cut))).size());
                continue;
            }
            byte[] part = Arrays.copyOf(body, cut);
            assertThrows(MessageFormatException.class, () -> MessageDecoder.decodeMessages(ByteBuffer.wrap(part)),
                "cut at " + cut);
        }
        byte[] bad = body.clone();
        ByteBuffer.wrap(bad).putInt(16, 1000);
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decodeMessages(ByteBuffer.wrap(bad)));
    }

    @Test
    void batchRules() {
        List<Message> delayed = three();
        delayed.get(1).setDelayTimeLevel(3);
        assertEquals("TimeDelayLevel is not supported for batching", assertThrows(IllegalArgumentException.class,
            () -> MessageBatch.generateFromList(delayed)).getMessage());

        List<Message> retry = three();
        retry.forEach(m -> m.setTopic("%RETRY%group"));
        assertEquals("Retry Group is not supported for batching", assertThrows(IllegalArgumentException.class,
            () -> MessageBatch.generateFromList(retry)).getMessage());

        List<Message> topics = three();
        topics.get(2).setTopic("Other");
        assertThrows(IllegalArgumentException.class, () -> MessageBatch.generateFromList(topics));

        List<Message> wait = three();
        wait.get(0).setWaitStoreMsgOK(false);
        assertThrows(IllegalArgumentException.class, () -> MessageBatch.generateFromList(wait));

        assertThrows(IllegalArgumentException.class, () -> MessageBatch.generateFromList(new ArrayList<>()));
    }
}
