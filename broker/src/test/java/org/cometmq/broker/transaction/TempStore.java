package org.cometmq.broker.transaction;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.GetMessageStatus;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.Await;

/** A real message store in a temp directory with small files, and helpers to write and read it in tests. */
public final class TempStore implements AutoCloseable {
    public static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 50123);
    public static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);
    private static final long DISPATCH_WAIT_MILLIS = 10_000;

    public final DefaultMessageStore store;

    private TempStore(DefaultMessageStore store) {
        this.store = store;
    }

    public static TempStore open(Path root) throws Exception {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(root.toString());
        config.setMappedFileSizeCommitLog(1024 * 1024);
        config.setMappedFileSizeConsumeQueue(1000 * 20);
        config.setMaxHashSlotNum(512);
        config.setMaxIndexNum(2048);
        config.setCleanResourceInterval(3_600_000);
        config.setDeleteWhen("99");
        config.setHaListenPort(0);
        DefaultMessageStore store = new DefaultMessageStore(config, (t, q, o, c, s, f, p) -> { });
        if (!store.load()) {
            throw new IllegalStateException("store under " + root + " did not load");
        }
        store.start();
        return new TempStore(store);
    }

    /** A message as the send processor builds it: properties map and string, hosts, born time. */
    public static MessageExtBrokerInner message(String topic, int queueId, String body, long bornTimestamp,
                                                Map<String, String> properties) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        msg.setBornTimestamp(bornTimestamp);
        msg.setBornHost(BORN_HOST);
        msg.setStoreHost(STORE_HOST);
        MessageAccessor.setProperties(msg, new java.util.HashMap<>(properties));
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(msg.getTags()));
        return msg;
    }

    public PutMessageResult put(MessageExtBrokerInner msg) {
        PutMessageResult result = store.putMessage(msg);
        if (!result.isOk()) {
            throw new IllegalStateException("put failed: " + result);
        }
        return result;
    }

    /** Waits (bounded) until the queue's dispatched max offset reaches {@code max}. */
    public void awaitMaxOffset(String topic, int queueId, long max) throws InterruptedException {
        Await.until("queue " + topic + "-" + queueId + " to reach offset " + max,
            Duration.ofMillis(DISPATCH_WAIT_MILLIS), Duration.ofMillis(5),
            () -> store.getMaxOffsetInQueue(topic, queueId), offset -> offset >= max);
    }

    /** Waits until everything written has been dispatched to the consume queues. */
    public void awaitDispatched() throws InterruptedException {
        Await.until("dispatch to catch up (bytes behind)", Duration.ofMillis(DISPATCH_WAIT_MILLIS),
            Duration.ofMillis(5), store::dispatchBehindBytes, behind -> behind <= 0);
    }

    /** Every message of a queue from offset 0 (at most 1000), decoded. */
    public List<MessageExt> readQueue(String topic, int queueId) {
        List<MessageExt> all = new ArrayList<>();
        long offset = 0;
        for (int guard = 0; guard < 100; guard++) {
            GetMessageResult result = store.getMessage("test", topic, queueId, offset, 32, null);
            if (result == null || result.getStatus() != GetMessageStatus.FOUND) {
                if (result != null) {
                    result.release();
                }
                break;
            }
            try {
                for (ByteBuffer buffer : result.getMessageBufferList()) {
                    all.add(MessageDecoder.decode(buffer.slice(), true, false));
                }
            } finally {
                result.release();
            }
            offset = result.getNextBeginOffset();
        }
        return all;
    }

    @Override
    public void close() {
        store.shutdown();
    }
}
