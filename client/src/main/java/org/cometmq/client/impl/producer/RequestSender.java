package org.cometmq.client.impl.producer;

import java.time.Clock;
import java.util.function.Predicate;
import java.util.function.Consumer;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.producer.RequestCallback;
import org.cometmq.client.producer.RequestFutureHolder;
import org.cometmq.client.producer.RequestResponseFuture;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.utils.CorrelationIdUtil;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply for one producer (behind {@code DefaultMQProducer.request}): tags the request with a correlation id, this client's id (where the broker
 * pushes the reply) and the timeout as TTL, registers a {@link RequestResponseFuture}, sends the request
 * asynchronously and then waits for the reply (sync) or leaves it to the callback (async).
 */
public class RequestSender {
    private static final Logger LOG = LoggerFactory.getLogger(RequestSender.class);
    private static final long SLOW_PREPARE_MILLIS = 500;

    /** One of the producer's async sends, given the callback that completes the request and the time left. */
    interface AsyncSend {
        void send(SendCallback callback, long timeout) throws MQClientException, RemotingException,
            InterruptedException;
    }

    private final String replyToClientId;
    private final PublishRoutes routes;
    private final Predicate<String> routeKnown;
    private final Runnable heartbeat;
    private final Clock clock;

    /**
     * @param replyToClientId the client id brokers push replies to
     * @param routeKnown      whether this client already holds a route of a topic
     * @param heartbeat       a heartbeat to every broker, which registers the channel replies come back on
     * @param clock           times the preparation, which the send's share of the timeout leaves out
     */
    RequestSender(String replyToClientId, PublishRoutes routes, Predicate<String> routeKnown, Runnable heartbeat,
        Clock clock) {
        this.replyToClientId = replyToClientId;
        this.routes = routes;
        this.routeKnown = routeKnown;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    /** Sends {@code msg} as a request with {@code send} and waits up to {@code timeout} ms for its reply. */
    Message requestSync(Message msg, long timeout, AsyncSend send) throws RequestTimeoutException,
        MQClientException, RemotingException, InterruptedException {
        long begin = clock.millis();
        String correlationId = prepareSendRequest(msg, timeout);
        try {
            RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, null);
            RequestFutureHolder.getInstance().getRequestFutureTable().put(correlationId, future);
            long cost = clock.millis() - begin;
            send.send(completing(future, e -> {
                future.setSendRequestOk(false);
                future.setCause(e);
                future.putResponseMessage(null);
            }), timeout - cost);
            return waitResponse(msg, timeout, future, cost);
        } finally {
            RequestFutureHolder.getInstance().getRequestFutureTable().remove(correlationId);
        }
    }

    private static Message waitResponse(Message msg, long timeout, RequestResponseFuture future, long cost)
        throws InterruptedException, RequestTimeoutException, MQClientException {
        Message reply = future.waitResponseMessage(timeout - cost);
        if (reply != null) {
            return reply;
        }
        if (future.isSendRequestOk()) {
            throw new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION,
                "send request message to <" + msg.getTopic() + "> OK, but wait reply message timeout, "
                    + timeout + " ms.");
        }
        throw new MQClientException("send request message to <" + msg.getTopic() + "> fail", future.getCause());
    }

    /** Sends {@code msg} as a request with {@code send}; the reply, or the failure, goes to {@code callback}. */
    void requestAsync(Message msg, RequestCallback callback, long timeout, AsyncSend send)
        throws MQClientException, RemotingException, InterruptedException {
        long begin = clock.millis();
        String correlationId = prepareSendRequest(msg, timeout);
        RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, callback);
        RequestFutureHolder.getInstance().getRequestFutureTable().put(correlationId, future);
        long cost = clock.millis() - begin;
        send.send(completing(future, e -> {
            future.setCause(e);
            requestFail(correlationId);
        }), timeout - cost);
    }

    /** The send's callback: success marks the request sent; a failure goes to {@code onFailure}. */
    private static SendCallback completing(RequestResponseFuture future, Consumer<Throwable> onFailure) {
        return new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                future.setSendRequestOk(true);
            }

            @Override
            public void onException(Throwable e) {
                onFailure.accept(e);
            }
        };
    }

    private static void requestFail(String correlationId) {
        RequestResponseFuture future = RequestFutureHolder.getInstance().getRequestFutureTable().remove(correlationId);
        if (future == null) {
            return;
        }
        future.setSendRequestOk(false);
        future.putResponseMessage(null);
        try {
            future.executeRequestCallback();
        } catch (Exception e) {
            LOG.warn("the callback of failed request {} threw", correlationId, e);
        }
    }

    /**
     * Adds the request properties and, for a topic this client has no route to yet, fetches the route and sends
     * a heartbeat first: the broker pushes the reply over the channel that heartbeat registers.
     */
    private String prepareSendRequest(Message msg, long timeout) throws MQClientException {
        String correlationId = CorrelationIdUtil.createCorrelationId();
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CORRELATION_ID, correlationId);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT,
            replyToClientId);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_TTL, String.valueOf(timeout));
        if (!routeKnown.test(msg.getTopic())) {
            long begin = clock.millis();
            routes.find(msg.getTopic());
            heartbeat.run();
            long cost = clock.millis() - begin;
            if (cost > SLOW_PREPARE_MILLIS) {
                LOG.warn("preparing the request to {} took {} ms (route lookup and heartbeat)", msg.getTopic(), cost);
            }
        }
        return correlationId;
    }
}
