package org.cometmq.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.Objects;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave's half of replication (spec HA.md 2.2, 2.5, 2.6): connects to the master's HA address, reports its
 * commit-log end at once, every {@code haSendHeartbeatInterval} ms and whenever it grew, and appends each frame
 * that starts exactly at its own end; the store dispatches the appended records like any others. A frame at a
 * larger offset resets the connection; a frame below its end means the master lacks data this slave holds: the
 * client logs both offsets and stops replicating, never truncating, until it is given another master or restarted.
 * A connection that stays silent for {@code haHousekeepingInterval} (the master heartbeats every few seconds) is
 * reopened.
 */
public class HAClient extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(HAClient.class);
    private static final int READ_BUFFER_SIZE = 4 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final long RETRY_MILLIS = 5000;
    private static final long SELECT_MILLIS = 1000;
    private static final int MAX_ZERO_IO = 3;

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    private volatile String masterAddress;
    private SocketChannel channel;
    private volatile Selector selector;
    private long currentReportedOffset;
    private long lastWriteTimestamp;
    private long lastReadTimestamp;
    private volatile long masterPushedOffset = -1;
    private volatile Divergence divergence;

    HAClient(MessageStore store, Clock clock) {
        this.store = store;
        this.config = store.getMessageStoreConfig();
        this.clock = clock;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "HAClient";
    }

    /** The master to replicate from, used at the next connect; a new master also lifts a divergence stop. */
    public void updateMasterAddress(String newAddress) {
        if (Objects.equals(masterAddress, newAddress)) {
            return;
        }
        LOG.info("HA master address changed from {} to {}", masterAddress, newAddress);
        masterAddress = newAddress;
        Divergence stop = divergence;
        if (stop != null && !Objects.equals(stop.masterAddress, newAddress)) {
            divergence = null;
        }
        wakeup();
    }

    public String getMasterAddress() {
        return masterAddress;
    }

    /** End of the last frame the master sent: its commit-log end when this slave is caught up; -1 before any. */
    public long getMasterPushedOffset() {
        return masterPushedOffset;
    }

    /** Whether replication stopped because this slave holds data the master lacks. */
    public boolean isDiverged() {
        return divergence != null;
    }

    /** Why replication stopped, with both offsets, or {@code null} while it runs. */
    public String getDivergenceReport() {
        Divergence stop = divergence;
        return stop == null ? null : String.format("master %s ends at commit-log offset %d, this slave at %d: the "
            + "slave holds %d bytes the master lacks; replication stopped, nothing truncated", stop.masterAddress,
            stop.masterOffset, stop.slaveOffset, stop.slaveOffset - stop.masterOffset);
    }

    /** Whether a connection to the master is open. */
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public void run() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            LOG.error("HA client cannot open a selector; this slave will not replicate", e);
            return;
        }
        while (!isStopped()) {
            try {
                if (divergence != null || !connectMaster()) {
                    waitForRunning(RETRY_MILLIS);
                } else if (!exchange()) {
                    closeMaster();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("HA client: connection to master {} failed: {}", masterAddress, e.toString());
                closeMaster();
                waitForRunning(RETRY_MILLIS);
            }
        }
        closeMaster();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.warn("closing the HA client selector failed", e);
        }
    }

    /** Also ends a wait for data from the master at once. */
    @Override
    public void shutdown() {
        makeStop();
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
        super.shutdown();
    }

    /** One round on an open connection: periodic report, read and append frames, report growth, housekeeping. */
    private boolean exchange() throws IOException {
        if (clock.millis() - lastWriteTimestamp > config.getHaSendHeartbeatInterval()
            && !report(currentReportedOffset)) {
            return false;
        }
        selector.select(SELECT_MILLIS);
        selector.selectedKeys().clear();
        if (!readFrames() || !reportGrowth()) {
            return false;
        }
        long now = clock.millis();
        int limit = config.getHaHousekeepingInterval();
        if (now - lastWriteTimestamp > limit) {
            LOG.warn("HA client: no report written to master {} for {} ms, reconnecting", masterAddress,
                now - lastWriteTimestamp);
            return false;
        }
        // A live master sends at least a heartbeat every few seconds; beyond that the connection is dead.
        if (now - lastReadTimestamp > limit) {
            LOG.warn("HA client: nothing from master {} for {} ms, reconnecting", masterAddress,
                now - lastReadTimestamp);
            return false;
        }
        return true;
    }

    private boolean connectMaster() throws IOException {
        if (channel != null) {
            return true;
        }
        String address = masterAddress;
        if (address == null) {
            return false;
        }
        SocketChannel opened = SocketChannel.open();
        try {
            opened.socket().connect(toSocketAddress(address), CONNECT_TIMEOUT_MILLIS);
            opened.configureBlocking(false);
            opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            opened.setOption(StandardSocketOptions.SO_LINGER, -1);
            opened.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            opened.close();
            LOG.warn("HA client cannot connect to master {}: {}", address, e.toString());
            return false;
        }
        channel = opened;
        readBuffer.clear();
        lastReadTimestamp = clock.millis();
        currentReportedOffset = store.getMaxPhyOffset();
        LOG.info("HA client connected to master {}, this slave's commit log ends at {}", address,
            currentReportedOffset);
        // 4.9.7's slave waits a heartbeat interval before its first report; reporting at once starts sooner.
        return report(currentReportedOffset);
    }

    /** {@code host:port}, split at the last colon. */
    static InetSocketAddress toSocketAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("HA master address '" + address + "' is not host:port");
        }
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private boolean report(long offset) throws IOException {
        ByteBuffer buffer = HAFrameCodec.encodeReport(offset);
        for (int i = 0; i < MAX_ZERO_IO && buffer.hasRemaining(); i++) {
            channel.write(buffer);
        }
        lastWriteTimestamp = clock.millis();
        return !buffer.hasRemaining();
    }

    private boolean reportGrowth() throws IOException {
        long current = store.getMaxPhyOffset();
        if (current > currentReportedOffset) {
            currentReportedOffset = current;
            return report(current);
        }
        return true;
    }

    /** Reads what the socket has, appending each whole frame; false when the connection must close. */
    private boolean readFrames() throws IOException {
        int zeroReads = 0;
        while (readBuffer.hasRemaining() && zeroReads < MAX_ZERO_IO) {
            int read = channel.read(readBuffer);
            if (read < 0) {
                LOG.info("HA client: master {} closed the connection", masterAddress);
                return false;
            }
            if (read == 0) {
                zeroReads++;
            } else {
                zeroReads = 0;
                lastReadTimestamp = clock.millis();
                if (!appendFrames()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean appendFrames() {
        readBuffer.flip();
        try {
            while (readBuffer.remaining() >= HAFrameCodec.HEADER_SIZE) {
                int start = readBuffer.position();
                long phyOffset = HAFrameCodec.headerPhyOffset(readBuffer, start);
                int bodySize = HAFrameCodec.headerBodySize(readBuffer, start);
                if (!acceptOffset(phyOffset, bodySize)) {
                    return false;
                }
                if (readBuffer.remaining() < HAFrameCodec.HEADER_SIZE + bodySize) {
                    break;
                }
                int bodyStart = start + HAFrameCodec.HEADER_SIZE;
                if (!store.appendToCommitLog(phyOffset, readBuffer.array(), bodyStart, bodySize)) {
                    LOG.error("HA client: appending {} bytes at commit-log offset {} failed; reconnecting", bodySize,
                        phyOffset);
                    return false;
                }
                masterPushedOffset = phyOffset + bodySize;
                readBuffer.position(bodyStart + bodySize);
            }
            return true;
        } finally {
            readBuffer.compact();
        }
    }

    /** Checks a frame header against this slave's commit-log end before its body is taken. */
    private boolean acceptOffset(long phyOffset, int bodySize) {
        if (bodySize < 0 || bodySize > HAFrameCodec.MAX_BODY_SIZE) {
            LOG.error("HA client: master {} sent a frame body of {} bytes; resetting the connection", masterAddress,
                bodySize);
            return false;
        }
        long slaveMax = store.getMaxPhyOffset();
        if (slaveMax == 0 || phyOffset == slaveMax) {
            return true;
        }
        if (phyOffset < slaveMax) {
            divergence = new Divergence(masterAddress, phyOffset, slaveMax);
            LOG.error("HA client stops replicating: {}. Compare both stores; remove the stale one and restart.",
                getDivergenceReport());
        } else {
            LOG.error("master pushed offset not equal the max phy offset in slave, SLAVE: {} MASTER: {}; refusing the "
                + "frame and resetting the connection", slaveMax, phyOffset);
        }
        return false;
    }

    private void closeMaster() {
        if (channel == null) {
            return;
        }
        try {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the connection to master {} failed", masterAddress, e);
        }
        channel = null;
        readBuffer.clear();
        LOG.info("HA client closed the connection to master {}", masterAddress);
    }

    private static final class Divergence {
        final String masterAddress;
        final long masterOffset;
        final long slaveOffset;

        Divergence(String masterAddress, long masterOffset, long slaveOffset) {
            this.masterAddress = masterAddress;
            this.masterOffset = masterOffset;
            this.slaveOffset = slaveOffset;
        }
    }
}
