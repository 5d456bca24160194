package org.cometmq.spring.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

/**
 * The payload converters of templates and listeners, tried in order: {@code byte[]} as is, {@code String} as
 * UTF-8, anything else as JSON through Jackson (unknown JSON properties are ignored).
 */
public class RocketMQMessageConverter {
    private final CompositeMessageConverter messageConverter;

    /** Converters with a JSON mapper of Jackson's defaults. */
    public RocketMQMessageConverter() {
        this(new ObjectMapper());
    }

    /** Converters whose JSON step uses a copy of {@code objectMapper}. */
    public RocketMQMessageConverter(ObjectMapper objectMapper) {
        ObjectMapper mapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        MappingJackson2MessageConverter json = new MappingJackson2MessageConverter();
        json.setObjectMapper(mapper);
        StringMessageConverter string = new StringMessageConverter(StandardCharsets.UTF_8);
        this.messageConverter = new CompositeMessageConverter(List.of(new ByteArrayMessageConverter(), string, json));
    }

    /** The composite converter. */
    public MessageConverter getMessageConverter() {
        return messageConverter;
    }
}
