package org.cometmq.tools.command.message;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeMap;
import org.cometmq.common.message.MessageClientExt;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.api.MessageTrack;
import org.cometmq.tools.command.Formats;

/**
 * Prints one message as the query commands show it: ids, topic, tags, keys, queue and offsets, times, hosts,
 * flags and properties, and the path of a file holding its body (bodies can be binary or large).
 */
public final class MessagePrinter {
    /** System property naming the directory bodies are written to. */
    public static final String BODY_DIR_PROPERTY = "comet.tools.msgBodyDir";
    private static final String TEXT_ROW = "%-20s %s%n";
    private static final String NUMBER_ROW = "%-20s %d%n";

    private final PrintStream out;
    private final Path bodyDir;

    public MessagePrinter(PrintStream out, Path bodyDir) {
        this.out = out;
        this.bodyDir = bodyDir;
    }

    /** The details of {@code msg}; {@code withOffsetId} adds the broker's offset id as the first line. */
    public void print(MessageExt msg, boolean withOffsetId) {
        if (msg == null) {
            out.printf("%nMessage not found!%n");
            return;
        }
        if (withOffsetId) {
            out.printf(TEXT_ROW, "OffsetID:", offsetMsgIdOf(msg));
        }
        out.printf(TEXT_ROW, "Topic:", msg.getTopic());
        out.printf(TEXT_ROW, "Tags:", "[" + msg.getTags() + "]");
        out.printf(TEXT_ROW, "Keys:", "[" + msg.getKeys() + "]");
        out.printf(NUMBER_ROW, "Queue ID:", msg.getQueueId());
        out.printf(NUMBER_ROW, "Queue Offset:", msg.getQueueOffset());
        out.printf(NUMBER_ROW, "CommitLog Offset:", msg.getCommitLogOffset());
        out.printf(NUMBER_ROW, "Reconsume Times:", msg.getReconsumeTimes());
        out.printf(TEXT_ROW, "Born Timestamp:", Formats.humanTime(msg.getBornTimestamp()));
        out.printf(TEXT_ROW, "Store Timestamp:", Formats.humanTime(msg.getStoreTimestamp()));
        out.printf(TEXT_ROW, "Born Host:", RemotingHelper.parseSocketAddressAddr(msg.getBornHost()));
        out.printf(TEXT_ROW, "Store Host:", RemotingHelper.parseSocketAddressAddr(msg.getStoreHost()));
        out.printf(NUMBER_ROW, "System Flag:", msg.getSysFlag());
        out.printf(TEXT_ROW, "Properties:", msg.getProperties() == null ? "" : new TreeMap<>(msg.getProperties()));
        out.printf(TEXT_ROW, "Message Body Path:", writeBody(msg));
    }

    /**
     * After a message's details, what each consumer group of its topic did with it, as 4.9.7 prints it: two line
     * breaks then the tracks one after another without separators, or a warning when no group consumes the topic.
     * A failed lookup prints its stack trace to stderr, as 4.9.7's does.
     */
    public void printTracks(MQAdminExt admin, MessageExt msg) {
        if (msg == null) {
            return;
        }
        try {
            List<MessageTrack> tracks = admin.messageTrackDetail(msg);
            if (tracks.isEmpty()) {
                out.printf("%n%nWARN: No Consumer");
                return;
            }
            out.printf("%n%n");
            for (MessageTrack track : tracks) {
                out.printf("%s", track);
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    /** Where bodies are written, one file per message id: {@value #BODY_DIR_PROPERTY}, else tmp/cometmq/msgbodys. */
    public static Path defaultBodyDir() {
        String dir = System.getProperty(BODY_DIR_PROPERTY);
        return dir != null ? Paths.get(dir) : Paths.get(System.getProperty("java.io.tmpdir"), "cometmq", "msgbodys");
    }

    static String offsetMsgIdOf(MessageExt msg) {
        return msg instanceof MessageClientExt clientExt ? clientExt.getOffsetMsgId() : msg.getMsgId();
    }

    private String writeBody(MessageExt msg) {
        Path file = bodyDir.resolve(msg.getMsgId());
        try {
            Files.createDirectories(bodyDir);
            Files.write(file, msg.getBody() == null ? new byte[0] : msg.getBody());
            return file.toString();
        } catch (IOException e) {
            return "(body not written to " + file + ": " + e.getMessage() + ")";
        }
    }
}
