package org.cometmq.store.ha;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master/slave replication of the commit log, wire-compatible with RocketMQ 4.9.7 (spec HA.md). Every store runs
 * both halves: the HA server that pushes commit-log bytes to connected slaves, and the client that, once given a
 * master address, pulls the master's commit log into this store. A SYNC_MASTER put waits here until a slave has
 * acknowledged it.
 */
public class HAService {

    private static final Logger LOG = LoggerFactory.getLogger(HAService.class);
    private static final CompletableFuture<PutMessageStatus> PUT_OK =
        CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);
    private static final CompletableFuture<PutMessageStatus> SLAVE_NOT_AVAILABLE =
        CompletableFuture.completedFuture(PutMessageStatus.SLAVE_NOT_AVAILABLE);
    /** A master address shorter than this is no address (4.9.7's rule for {@code haMasterAddress}). */
    private static final int MIN_ADDRESS_LENGTH = 6;
    /** A graceful stop waits at most DRAIN_POLLS x DRAIN_POLL_MILLIS (1 s, 4.9.7's pause) for the slaves. */
    private static final int DRAIN_POLLS = 100;
    private static final long DRAIN_POLL_MILLIS = 10;

    private final MessageStore store;
    private final MessageStoreConfig config;
    private final Clock clock;
    private final List<HAConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicLong push2SlaveMaxOffset = new AtomicLong();
    private final AcceptSocketService acceptSocketService;
    private final GroupTransferService groupTransferService;
    private final HAClient haClient;

    /** {@code clock} drives heartbeats, housekeeping and the SYNC_MASTER wait. */
    public HAService(MessageStore store, Clock clock) {
        this.store = store;
        this.config = store.getMessageStoreConfig();
        this.clock = clock;
        this.acceptSocketService = new AcceptSocketService(this);
        this.groupTransferService = new GroupTransferService(push2SlaveMaxOffset, clock);
        this.haClient = new HAClient(store, clock);
    }

    /**
     * Opens the HA port and starts the services. A slave with {@code haMasterAddress} set connects there at once;
     * otherwise it waits for {@link #updateMasterAddress(String)}.
     *
     * @throws IOException when the HA port cannot be bound
     */
    public void start() throws IOException {
        acceptSocketService.beginAccept(config.getHaListenPort());
        acceptSocketService.start();
        groupTransferService.start();
        String fixedMaster = config.getHaMasterAddress();
        if (config.getBrokerRole() == BrokerRole.SLAVE && fixedMaster != null
            && fixedMaster.trim().length() >= MIN_ADDRESS_LENGTH) {
            haClient.updateMasterAddress(fixedMaster.trim());
        }
        haClient.start();
        LOG.info("HA service listening on port {} as {}", getLocalPort(), config.getBrokerRole());
    }

    /**
     * Stops the client, gives connected slaves a bounded moment to acknowledge this master's end, closes every
     * slave connection and the HA port, and fails the waiting SYNC puts.
     */
    public void shutdown() {
        haClient.shutdown();
        awaitSlavesAcknowledgeEnd();
        acceptSocketService.shutdown(true);
        destroyConnections();
        groupTransferService.shutdown();
    }

    /**
     * A graceful stop of a master ships what it already acknowledged: an ASYNC_MASTER's last puts may not have reached
     * the slave yet (4.9.7 pauses 1 s before closing its HA service for the same reason).
     */
    private void awaitSlavesAcknowledgeEnd() {
        if (config.getBrokerRole() == BrokerRole.SLAVE || connectionCount.get() == 0) {
            return;
        }
        long end = store.getMaxPhyOffset();
        for (int i = 0; i < DRAIN_POLLS && push2SlaveMaxOffset.get() < end && connectionCount.get() > 0; i++) {
            notifyDataArrived();
            try {
                Thread.sleep(DRAIN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (push2SlaveMaxOffset.get() < end) {
            LOG.warn("HA shutdown: slaves acknowledged commit-log offset {} of this master's {}; {} bytes not "
                + "replicated", push2SlaveMaxOffset.get(), end, end - push2SlaveMaxOffset.get());
        } else {
            LOG.info("HA shutdown: slaves acknowledged this master's commit-log end {}", end);
        }
    }

    /** Closes every slave connection. */
    public void destroyConnections() {
        for (HAConnection connection : connections) {
            connection.close();
        }
    }

    /** Sets the master's HA address ({@code ip:port}) the slave replicates from; used at the next connect. */
    public void updateMasterAddress(String newAddress) {
        haClient.updateMasterAddress(newAddress);
    }

    /**
     * Whether a SYNC_MASTER put ending at {@code masterPutWhere} may wait for a slave: one is connected and it is
     * less than {@code haSlaveFallbehindMax} bytes behind.
     */
    public boolean isSlaveOK(long masterPutWhere) {
        return connectionCount.get() > 0
            && masterPutWhere - push2SlaveMaxOffset.get() < config.getHaSlaveFallbehindMax();
    }

    /**
     * What a put ending at {@code nextOffset} waits for: on a SYNC_MASTER (when the producer waits) a slave's
     * acknowledgement, answered PUT_OK, FLUSH_SLAVE_TIMEOUT after {@code slaveTimeout} ms, or SLAVE_NOT_AVAILABLE
     * at once; on any other role PUT_OK at once. Also tells the connections that new data is there.
     */
    public CompletableFuture<PutMessageStatus> submitReplicaRequest(long nextOffset, boolean waitStoreMsgOK) {
        notifyDataArrived();
        if (config.getBrokerRole() != BrokerRole.SYNC_MASTER || !waitStoreMsgOK) {
            return PUT_OK;
        }
        if (!isSlaveOK(nextOffset)) {
            return SLAVE_NOT_AVAILABLE;
        }
        return groupTransferService.waitFor(nextOffset, config.getSlaveTimeout());
    }

    /** A slave acknowledged {@code offset}: the replicated mark only grows (it is shared by all slaves). */
    public void notifyTransferSome(long offset) {
        long current = push2SlaveMaxOffset.get();
        while (offset > current && !push2SlaveMaxOffset.compareAndSet(current, offset)) {
            current = push2SlaveMaxOffset.get();
        }
        groupTransferService.wakeup();
    }

    /** Wakes the connections waiting for data to send. */
    public void notifyDataArrived() {
        for (HAConnection connection : connections) {
            connection.dataArrived();
        }
    }

    void addConnection(HAConnection connection) {
        connections.add(connection);
        connectionCount.incrementAndGet();
    }

    void removeConnection(HAConnection connection) {
        if (connections.remove(connection)) {
            connectionCount.decrementAndGet();
        }
    }

    /** Connected slaves, counted from accept (a slave that has not reported yet counts). */
    public AtomicInteger getConnectionCount() {
        return connectionCount;
    }

    /** The highest offset any slave has acknowledged; never decreases. */
    public AtomicLong getPush2SlaveMaxOffset() {
        return push2SlaveMaxOffset;
    }

    /** The slave half: master address, replication progress and the divergence state. */
    public HAClient getHAClient() {
        return haClient;
    }

    /** The port the HA server is bound to (the real one when {@code haListenPort} is 0), -1 before start. */
    public int getLocalPort() {
        return acceptSocketService.getLocalPort();
    }

    MessageStore getStore() {
        return store;
    }

    MessageStoreConfig getConfig() {
        return config;
    }

    Clock getClock() {
        return clock;
    }
}
