package org.cometmq.client.producer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.impl.producer.DefaultMQProducerImpl;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide table of outstanding requests by correlation id. Replies pushed by any broker to any client
 * instance are matched here; while at least one producer runs, a thread ("RequestHouseKeepingService") fails
 * requests whose timeout has passed once a second.
 */
public class RequestFutureHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFutureHolder.class);
    private static final RequestFutureHolder INSTANCE = new RequestFutureHolder();
    private static final long SCAN_INITIAL_DELAY_MILLIS = 3_000;
    private static final long SCAN_PERIOD_MILLIS = 1_000;

    private final ConcurrentHashMap<String, RequestResponseFuture> requestFutureTable = new ConcurrentHashMap<>();
    private final Set<DefaultMQProducerImpl> producerSet = new HashSet<>();
    private ScheduledExecutorService scheduledExecutorService = null;

    private RequestFutureHolder() {
    }

    public static RequestFutureHolder getInstance() {
        return INSTANCE;
    }

    public ConcurrentHashMap<String, RequestResponseFuture> getRequestFutureTable() {
        return requestFutureTable;
    }

    /** Registers a running producer, starting the timeout scan with the first one. */
    public synchronized void startScheduledTask(DefaultMQProducerImpl producer) {
        producerSet.add(producer);
        if (scheduledExecutorService == null) {
            scheduledExecutorService =
                Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("RequestHouseKeepingService"));
            scheduledExecutorService.scheduleAtFixedRate(() -> {
                try {
                    scanExpiredRequest();
                } catch (Throwable e) {
                    LOG.error("scanning the request table for timed-out requests failed", e);
                }
            }, SCAN_INITIAL_DELAY_MILLIS, SCAN_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Unregisters a producer, stopping the timeout scan with the last one. */
    public synchronized void shutdown(DefaultMQProducerImpl producer) {
        producerSet.remove(producer);
        if (producerSet.isEmpty() && scheduledExecutorService != null) {
            ScheduledExecutorService executor = scheduledExecutorService;
            scheduledExecutorService = null;
            executor.shutdown();
        }
    }

    /** Removes the requests past their timeout and fails each with a {@link RequestTimeoutException}. */
    void scanExpiredRequest() {
        List<RequestResponseFuture> expired = new ArrayList<>();
        Iterator<Map.Entry<String, RequestResponseFuture>> it = requestFutureTable.entrySet().iterator();
        while (it.hasNext()) {
            RequestResponseFuture future = it.next().getValue();
            if (future.isTimeout()) {
                it.remove();
                expired.add(future);
                LOG.warn("request {} timed out after {} ms without a reply", future.getCorrelationId(),
                    future.getTimeoutMillis());
            }
        }
        for (RequestResponseFuture future : expired) {
            try {
                future.setCause(new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION,
                    "request timeout, no reply message."));
                future.executeRequestCallback();
            } catch (Throwable e) {
                LOG.warn("the callback of timed-out request {} threw", future.getCorrelationId(), e);
            }
        }
    }
}
