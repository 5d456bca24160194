package org.cometmq.client.impl.producer;

import java.util.function.Consumer;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.client.producer.RequestCallback;
import org.cometmq.client.producer.RequestFutureHolder;
import org.cometmq.client.producer.RequestResponseFuture;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.ServiceState;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
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

    private final DefaultMQProducerImpl producer;

    RequestSender(DefaultMQProducerImpl producer) {
        this.producer = producer;
    }

    public Message request(Message msg, long timeout) throws RequestTimeoutException, MQClientException, RemotingException,
        MQBrokerException, InterruptedException {
        return requestSync(msg, timeout, (cb, left) -> producer.send(msg, cb, left));
    }

    public Message request(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return requestSync(msg, timeout, (cb, left) -> producer.send(msg, selector, arg, cb, left));
    }

    public Message request(Message msg, MessageQueue mq, long timeout)
        throws RequestTimeoutException, MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return requestSync(msg, timeout, (cb, left) -> producer.send(msg, mq, cb, left));
    }

    public void request(Message msg, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        requestAsync(msg, callback, timeout, (cb, left) -> producer.send(msg, cb, left));
    }

    public void request(Message msg, MessageQueueSelector selector, Object arg, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        requestAsync(msg, callback, timeout, (cb, left) -> producer.send(msg, selector, arg, cb, left));
    }

    public void request(Message msg, MessageQueue mq, RequestCallback callback, long timeout)
        throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        requestAsync(msg, callback, timeout, (cb, left) -> producer.send(msg, mq, cb, left));
    }

    private Message requestSync(Message msg, long timeout, AsyncSend send) throws RequestTimeoutException,
        MQClientException, RemotingException, InterruptedException {
        long begin = System.currentTimeMillis();
        String correlationId = prepareSendRequest(msg, timeout);
        try {
            RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, null);
            RequestFutureHolder.getInstance().getRequestFutureTable().put(correlationId, future);
            long cost = System.currentTimeMillis() - begin;
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

    private void requestAsync(Message msg, RequestCallback callback, long timeout, AsyncSend send)
        throws MQClientException, RemotingException, InterruptedException {
        long begin = System.currentTimeMillis();
        String correlationId = prepareSendRequest(msg, timeout);
        RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, callback);
        RequestFutureHolder.getInstance().getRequestFutureTable().put(correlationId, future);
        long cost = System.currentTimeMillis() - begin;
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
        if (producer.getServiceState() != ServiceState.RUNNING) {
            throw new MQClientException("The producer service state not OK (" + producer.getServiceState()
                + "): call start() before sending a request, and do not send after shutdown()", null);
        }
        String correlationId = CorrelationIdUtil.createCorrelationId();
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CORRELATION_ID, correlationId);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT,
            producer.getMQClientFactory().getClientId());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_TTL, String.valueOf(timeout));
        if (!producer.getMQClientFactory().getTopicRouteTable().containsKey(msg.getTopic())) {
            long begin = System.currentTimeMillis();
            producer.tryToFindTopicPublishInfo(msg.getTopic());
            producer.getMQClientFactory().sendHeartbeatToAllBrokerWithLock();
            long cost = System.currentTimeMillis() - begin;
            if (cost > SLOW_PREPARE_MILLIS) {
                LOG.warn("preparing the request to {} took {} ms (route lookup and heartbeat)", msg.getTopic(), cost);
            }
        }
        return correlationId;
    }
}
