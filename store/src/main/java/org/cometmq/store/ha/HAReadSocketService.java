package org.cometmq.store.ha;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a slave's 8-byte offset reports. The first report is where the master starts pushing; later ones are
 * acknowledgements. A report beyond this master's commit-log end, or silence for {@code haHousekeepingInterval},
 * closes the connection.
 */
final class HAReadSocketService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(HAReadSocketService.class);
    private static final long SELECT_MILLIS = 1000;
    private static final int MAX_ZERO_READS = 3;

    private final HAConnection connection;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * HAFrameCodec.REPORT_SIZE);
    private long lastReadTimestamp;
    private boolean reported;

    HAReadSocketService(HAConnection connection) {
        this.connection = connection;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "HAReadSocketService-" + connection.getClientAddress();
    }

    @Override
    public void run() {
        lastReadTimestamp = connection.getHaService().getClock().millis();
        try (Selector selector = Selector.open()) {
            connection.getChannel().register(selector, SelectionKey.OP_READ);
            boolean open = true;
            while (open && !isStopped()) {
                open = readReports(selector) && !silentTooLong();
            }
        } catch (IOException | RuntimeException e) {
            if (!connection.isClosed()) {
                LOG.warn("HA connection {}: reading reports failed: {}", connection.getClientAddress(), e.toString());
            }
        }
        connection.close();
    }

    private boolean silentTooLong() {
        long silent = connection.getHaService().getClock().millis() - lastReadTimestamp;
        int limit = connection.getHaService().getConfig().getHaHousekeepingInterval();
        if (silent > limit) {
            LOG.warn("HA connection {}: no report for {} ms (haHousekeepingInterval {}), closing",
                connection.getClientAddress(), silent, limit);
            return true;
        }
        return false;
    }

    /** Waits up to a second for reports and handles them; false when the connection must close. */
    private boolean readReports(Selector selector) throws IOException {
        selector.select(SELECT_MILLIS);
        selector.selectedKeys().clear();
        int zeroReads = 0;
        while (buffer.hasRemaining() && zeroReads < MAX_ZERO_READS) {
            int read = connection.getChannel().read(buffer);
            if (read < 0) {
                LOG.info("HA connection {}: slave closed the connection", connection.getClientAddress());
                return false;
            }
            if (read == 0) {
                zeroReads++;
            } else {
                zeroReads = 0;
                lastReadTimestamp = connection.getHaService().getClock().millis();
            }
        }
        long report = HAFrameCodec.takeLastReport(buffer);
        return report < 0 || handleReport(report);
    }

    private boolean handleReport(long offset) {
        long masterMax = connection.getHaService().getStore().getMaxPhyOffset();
        boolean first = !reported;
        reported = true;
        if (first) {
            // Beyond this master's end the writer tells the slave where this master ends, then closes.
            connection.onRequestOffset(offset);
        }
        if (offset > masterMax) {
            if (first) {
                return true;
            }
            LOG.warn("slave[{}] request offset={} greater than local commitLog offset={}; closing",
                connection.getClientAddress(), offset, masterMax);
            return false;
        }
        connection.onAck(offset);
        return true;
    }
}
