package org.cometmq.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.Await;

/** Builders and helpers shared by the store tests. */
public final class StoreTestSupport {

    public static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 50123);
    public static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);

    private StoreTestSupport() {
    }

    /** A config with small files rooted at {@code root}; background cleaning effectively off. */
    public static MessageStoreConfig smallConfig(Path root) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(root.toString());
        config.setMappedFileSizeCommitLog(64 * 1024);
        config.setMappedFileSizeConsumeQueue(100 * 20);
        config.setMaxHashSlotNum(512);
        config.setMaxIndexNum(2048);
        config.setCleanResourceInterval(3_600_000);
        config.setDeleteCommitLogFilesInterval(0);
        config.setDeleteWhen("99");
        config.setFlushIntervalConsumeQueue(200);
        config.setFlushIntervalCommitLog(50);
        config.setHaListenPort(0);
        return config;
    }

    public static MessageExtBrokerInner message(String topic, int queueId, byte[] body, String tags, String keys) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body);
        if (tags != null) {
            msg.setTags(tags);
        }
        if (keys != null) {
            msg.setKeys(keys);
        }
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(BORN_HOST);
        msg.setStoreHost(STORE_HOST);
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(tags));
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        return msg;
    }

    /** Sets a property and refreshes the properties string. */
    public static void putProperty(MessageExtBrokerInner msg, String name, String value) {
        MessageAccessor.putProperty(msg, name, value);
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
    }

    public static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body of message {@code i}: recognizable and of varying length. */
    public static byte[] numberedBody(int i) {
        StringBuilder sb = new StringBuilder("message-").append(i).append('-');
        for (int k = 0; k < i % 37; k++) {
            sb.append((char) ('a' + k % 26));
        }
        return body(sb.toString());
    }

    /** Decodes every message of a pull result, then releases it. */
    public static List<MessageExt> decodeAndRelease(GetMessageResult result) {
        List<MessageExt> messages = new ArrayList<>();
        try {
            for (ByteBuffer buffer : result.getMessageBufferList()) {
                messages.add(MessageDecoder.decode(buffer.slice(), true, false));
            }
        } finally {
            result.release();
        }
        return messages;
    }

    /** Reads a whole queue from {@code from}, batch by batch, up to {@code limit} messages. */
    public static List<MessageExt> readQueue(MessageStore store, String topic, int queueId, long from, int limit) {
        List<MessageExt> all = new ArrayList<>();
        long offset = from;
        for (int guard = 0; guard < limit + 10 && all.size() < limit; guard++) {
            GetMessageResult result = store.getMessage("g", topic, queueId, offset, 32, null);
            if (result.getStatus() != GetMessageStatus.FOUND) {
                result.release();
                break;
            }
            all.addAll(decodeAndRelease(result));
            offset = result.getNextBeginOffset();
        }
        return all;
    }

    /** Waits up to {@code millis} for {@code condition}; returns whether it held. */
    public static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
        return Await.holdsWithin(Duration.ofMillis(millis), Duration.ofMillis(5), condition);
    }

    /** Copies a directory tree (files are read through the page cache, as a crash would leave them). */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals("lock")) {
                    Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static String keyOf(int i) {
        return "key-" + i;
    }

    public static String uniqKey(MessageExtBrokerInner msg) {
        return msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }
}
