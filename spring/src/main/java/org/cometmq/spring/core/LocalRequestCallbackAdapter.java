package org.cometmq.spring.core;

import org.cometmq.client.producer.RequestCallback;
import org.cometmq.common.message.Message;
import org.cometmq.spring.support.MessagePayloadConverter;

/** Hands the reply of an asynchronous request to the application's callback, converted to its type argument. */
final class LocalRequestCallbackAdapter implements RequestCallback {
    private final RocketMQLocalRequestCallback<?> callback;
    private final MessagePayloadConverter converter;

    LocalRequestCallbackAdapter(RocketMQLocalRequestCallback<?> callback, MessagePayloadConverter converter) {
        this.callback = callback;
        this.converter = converter;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onSuccess(Message message) {
        Object payload;
        try {
            payload = converter.convert(message);
        } catch (RuntimeException e) {
            callback.onException(e);
            return;
        }
        ((RocketMQLocalRequestCallback) callback).onSuccess(payload);
    }

    @Override
    public void onException(Throwable e) {
        callback.onException(e);
    }
}
