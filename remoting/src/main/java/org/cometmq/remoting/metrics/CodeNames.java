package org.cometmq.remoting.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names request and response codes for metric labels as RocketMQ 5 does: the constant's name in lower case
 * ({@code SEND_MESSAGE_V2} becomes {@code send_message_v2}); a code no constant names is written as its number.
 */
public final class CodeNames {
    private final Map<Integer, String> names;

    private CodeNames(Map<Integer, String> names) {
        this.names = names;
    }

    /** The public static int constants of {@code holders}; when two share a value, the first class wins. */
    public static CodeNames of(Class<?>... holders) {
        Map<Integer, String> names = new HashMap<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == int.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                    names.putIfAbsent(constant(field), field.getName().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new CodeNames(Map.copyOf(names));
    }

    private static int constant(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    public String name(int code) {
        String name = names.get(code);
        return name != null ? name : Integer.toString(code);
    }
}
