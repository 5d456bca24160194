package org.cometmq.spring.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns a received message into the payload type a listener (or a request callback) declares as the first type
 * argument of {@code contract}: {@code MessageExt}, a Spring {@code Message}, {@code String}, {@code byte[]}, or a
 * type the message converter reads (JSON by default).
 */
public class MessagePayloadConverter {
    private final MessageConverter messageConverter;
    private final Charset charset;
    private final Type payloadType;
    private final MethodParameter methodParameter;

    /** For {@code target}, an implementation of the generic interface {@code contract}. */
    public MessagePayloadConverter(MessageConverter messageConverter, Charset charset, Object target,
        Class<?> contract) {
        this.messageConverter = messageConverter;
        this.charset = charset;
        ResolvableType declared = ResolvableType.forClass(target.getClass()).as(contract).getGeneric(0);
        this.payloadType = declared.resolve() == null ? Object.class : declared.getType();
        this.methodParameter = onMessageParameter(target.getClass());
    }

    /** For payloads of {@code payloadType} (a class, or a parameterized type the JSON reader resolves). */
    public MessagePayloadConverter(MessageConverter messageConverter, Charset charset, Type payloadType) {
        this.messageConverter = messageConverter;
        this.charset = charset;
        this.payloadType = payloadType;
        this.methodParameter = null;
    }

    /** The payload type, {@code Object} when the implementation does not name one. */
    public Type getPayloadType() {
        return payloadType;
    }

    /** The payload of {@code received} as the declared type. */
    public Object convert(org.cometmq.common.message.Message received) {
        Class<?> raw = ResolvableType.forType(payloadType).resolve(Object.class);
        if (raw.isInstance(received) && raw != Object.class) {
            return received;
        }
        if (raw == Message.class) {
            return RocketMQUtil.convertToSpringMessage(received);
        }
        byte[] body = received.getBody() == null ? new byte[0] : received.getBody();
        if (raw == byte[].class) {
            return body;
        }
        String text = new String(body, charset);
        if (raw == String.class || raw == Object.class) {
            return text;
        }
        return fromText(text, raw);
    }

    private Object fromText(String text, Class<?> raw) {
        Message<String> message = MessageBuilder.withPayload(text).build();
        Object converted;
        try {
            converted = messageConverter instanceof SmartMessageConverter smart && methodParameter != null
                ? smart.fromMessage(message, raw, methodParameter) : messageConverter.fromMessage(message, raw);
        } catch (RuntimeException e) {
            throw new MessageConversionException("Cannot convert message body to " + payloadType.getTypeName()
                + ": " + e.getMessage(), e);
        }
        if (converted == null) {
            throw new MessageConversionException("No converter reads a message body as " + payloadType.getTypeName()
                + " (body: " + abbreviate(text) + ")");
        }
        return converted;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The parameter of the implemented {@code onMessage}, so a JSON reader sees generic payload types. */
    private static MethodParameter onMessageParameter(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("onMessage") && method.getParameterCount() == 1 && !method.isBridge()) {
                return new MethodParameter(method, 0);
            }
        }
        return null;
    }
}
