package org.cometmq.store.ha;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.MessageStore;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the commit log to one slave from the offset it first reported (spec HA.md 2.3, 2.4): frames of at most
 * {@code haTransferBatchSize} bytes that never cross a commit-log file, and a heartbeat frame after
 * {@code haSendHeartbeatInterval} ms without a write. A slave that reports more data than this master holds is
 * sent one heartbeat at this master's end, so it can see the divergence, and nothing else; the slave then closes
 * the connection, or its next report does (as in 4.9.7).
 */
final class HAWriteSocketService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(HAWriteSocketService.class);
    private static final long WRITABLE_WAIT_MILLIS = 1000;
    private static final long NO_DATA_WAIT_MILLIS = 100;
    private static final long NO_REPORT_WAIT_MILLIS = 10;
    private static final int MAX_ZERO_WRITES = 3;

    private final HAConnection connection;
    private final MessageStore store;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final ByteBuffer header = ByteBuffer.allocate(HAFrameCodec.HEADER_SIZE);
    private SelectMappedBufferResult body;
    private long nextTransferFromWhere = -1;
    private long lastWriteTimestamp;
    private boolean lastWriteOver = true;
    private boolean warnedBelowMinimum;
    private boolean slaveAhead;

    HAWriteSocketService(HAConnection connection) {
        this.connection = connection;
        this.store = connection.getHaService().getStore();
        this.config = connection.getHaService().getConfig();
        this.clock = connection.getHaService().getClock();
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "HAWriteSocketService-" + connection.getClientAddress();
    }

    @Override
    public void run() {
        lastWriteTimestamp = clock.millis();
        try (Selector selector = Selector.open()) {
            connection.getChannel().register(selector, SelectionKey.OP_WRITE);
            boolean open = true;
            while (open && !isStopped()) {
                open = pass(selector);
            }
        } catch (IOException | RuntimeException e) {
            if (!connection.isClosed()) {
                LOG.warn("HA connection {}: pushing data failed: {}", connection.getClientAddress(), e.toString());
            }
        } finally {
            releaseBody();
        }
        connection.close();
    }

    /** One step of the push loop; false when the connection must close. */
    private boolean pass(Selector selector) throws IOException {
        if (!lastWriteOver) {
            selector.select(WRITABLE_WAIT_MILLIS);
            selector.selectedKeys().clear();
            lastWriteOver = transferData();
            return true;
        }
        long requestOffset = connection.getSlaveRequestOffset();
        if (requestOffset < 0) {
            waitForRunning(NO_REPORT_WAIT_MILLIS);
            return true;
        }
        if (slaveAhead) {
            waitForRunning(NO_DATA_WAIT_MILLIS);
            return true;
        }
        if (nextTransferFromWhere < 0) {
            chooseStart(requestOffset);
            return true;
        }
        if (clock.millis() - lastWriteTimestamp > config.getHaSendHeartbeatInterval()) {
            HAFrameCodec.encodeHeader(header, nextTransferFromWhere, 0);
            lastWriteOver = transferData();
            if (!lastWriteOver) {
                return true;
            }
        }
        SelectMappedBufferResult data = store.getCommitLogData(nextTransferFromWhere);
        if (data == null) {
            warnIfBelowMinimum();
            waitForRunning(NO_DATA_WAIT_MILLIS);
            return true;
        }
        int size = Math.min(data.getSize(), Math.min(config.getHaTransferBatchSize(), HAFrameCodec.MAX_BODY_SIZE));
        data.getByteBuffer().limit(data.getByteBuffer().position() + size);
        body = data;
        HAFrameCodec.encodeHeader(header, nextTransferFromWhere, size);
        nextTransferFromWhere += size;
        lastWriteOver = transferData();
        return true;
    }

    /**
     * A slave reporting 0 gets the start of this master's last file (4.9.7 never sends older files to an empty
     * slave); any other report is where it stands, logged with both offsets (a WARN when the slave lacks data). A
     * report beyond this master's end is a divergence.
     */
    private void chooseStart(long requestOffset) throws IOException {
        long masterMax = store.getMaxPhyOffset();
        if (requestOffset > masterMax) {
            LOG.error("slave {} reports commit-log offset {} but this master's commit log ends at {}: the slave holds "
                + "data this master lacks; telling it where this master ends, sending nothing else",
                connection.getClientAddress(), requestOffset, masterMax);
            slaveAhead = true;
            HAFrameCodec.encodeHeader(header, masterMax, 0);
            lastWriteOver = transferData();
            return;
        }
        if (requestOffset == 0) {
            int fileSize = config.getMappedFileSizeCommitLog();
            nextTransferFromWhere = Math.max(0, masterMax - masterMax % fileSize);
            LOG.info("HA connection {}: slave reported 0, pushing from {}", connection.getClientAddress(),
                nextTransferFromWhere);
            return;
        }
        nextTransferFromWhere = requestOffset;
        String format = "HA connection {}: slave commit-log offset {}, master commit-log offset {} ({} bytes behind); "
            + "pushing from {}";
        Object[] args = {connection.getClientAddress(), requestOffset, masterMax, masterMax - requestOffset,
            requestOffset};
        if (requestOffset < masterMax) {
            // e.g. a master back after a crash holds what it acknowledged but never shipped: the operator sees the gap
            LOG.warn(format, args);
        } else {
            LOG.info(format, args);
        }
    }

    private void warnIfBelowMinimum() {
        long min = store.getMinPhyOffset();
        if (!warnedBelowMinimum && min > nextTransferFromWhere) {
            warnedBelowMinimum = true;
            LOG.error("slave {} needs commit-log offset {} but this master keeps data only from {}: it cannot catch up",
                connection.getClientAddress(), nextTransferFromWhere, min);
        }
    }

    /** Writes what is left of the header, then of the body; true when both are fully written. */
    private boolean transferData() throws IOException {
        if (!write(header)) {
            return false;
        }
        if (body == null) {
            return true;
        }
        boolean done = write(body.getByteBuffer());
        if (done) {
            releaseBody();
        }
        return done;
    }

    private boolean write(ByteBuffer buffer) throws IOException {
        int zeroWrites = 0;
        while (buffer.hasRemaining() && zeroWrites < MAX_ZERO_WRITES) {
            int written = connection.getChannel().write(buffer);
            if (written > 0) {
                zeroWrites = 0;
                lastWriteTimestamp = clock.millis();
            } else {
                zeroWrites++;
            }
        }
        return !buffer.hasRemaining();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
