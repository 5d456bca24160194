package org.cometmq.remoting.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * Moves a {@link CommandCustomHeader}'s fields to and from the string map {@code extFields}.
 * The reflective description of each header class (fields, types, required flags, constructor) is computed once
 * and cached, so the per-command cost is one get/set per field.
 */
final class CustomHeaderCodec {

    private static final ClassValue<HeaderLayout> LAYOUTS = new ClassValue<>() {
        @Override
        protected HeaderLayout computeValue(Class<?> type) {
            return HeaderLayout.of(type);
        }
    };

    private CustomHeaderCodec() {
    }

    /** Puts every non-null field of {@code header} into {@code extFields} as its decimal / toString form. */
    static void write(CommandCustomHeader header, Map<String, String> extFields) {
        for (HeaderField field : LAYOUTS.get(header.getClass()).fields) {
            Object value = field.get(header);
            if (value != null) {
                extFields.put(field.name, value.toString());
            }
        }
    }

    /** Builds a {@code headerClass} instance from {@code extFields} (null counts as empty) and runs its checks. */
    static <T extends CommandCustomHeader> T read(Map<String, String> extFields, Class<T> headerClass)
        throws RemotingCommandException {
        HeaderLayout layout = LAYOUTS.get(headerClass);
        T header = headerClass.cast(layout.newInstance());
        for (HeaderField field : layout.fields) {
            String text = extFields == null ? null : extFields.get(field.name);
            if (text == null) {
                if (field.required) {
                    throw new RemotingCommandException("the custom field <" + field.name + "> is null in header "
                        + headerClass.getName() + ": the peer did not send this required field");
                }
                continue;
            }
            field.set(header, field.parse(text, headerClass));
        }
        header.checkFields();
        return header;
    }

    /** The decodable fields of one header class, superclass fields included. */
    private static final class HeaderLayout {
        private final Constructor<?> constructor;
        private final HeaderField[] fields;

        private HeaderLayout(Constructor<?> constructor, HeaderField[] fields) {
            this.constructor = constructor;
            this.fields = fields;
        }

        static HeaderLayout of(Class<?> type) {
            List<HeaderField> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int mod = field.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.isSynthetic()
                        || field.getName().startsWith("this")) {
                        continue;
                    }
                    FieldType fieldType = FieldType.of(field.getType());
                    if (fieldType == null) {
                        continue;
                    }
                    field.setAccessible(true);
                    fields.add(new HeaderField(field, fieldType, field.isAnnotationPresent(CFNotNull.class)));
                }
            }
            Constructor<?> constructor = null;
            try {
                constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                // Encoding still works; decoding reports the missing constructor.
            }
            return new HeaderLayout(constructor, fields.toArray(new HeaderField[0]));
        }

        Object newInstance() throws RemotingCommandException {
            if (constructor == null) {
                throw new RemotingCommandException("header class has no no-argument constructor");
            }
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RemotingCommandException("cannot instantiate header " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }

    /** The Java types a header field may have. */
    private enum FieldType {
        STRING, INT, LONG, BOOLEAN, DOUBLE;

        static FieldType of(Class<?> type) {
            if (type == String.class) {
                return STRING;
            } else if (type == int.class || type == Integer.class) {
                return INT;
            } else if (type == long.class || type == Long.class) {
                return LONG;
            } else if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            } else if (type == double.class || type == Double.class) {
                return DOUBLE;
            }
            return null;
        }
    }

    private static final class HeaderField {
        private final Field field;
        private final String name;
        private final FieldType type;
        private final boolean required;

        HeaderField(Field field, FieldType type, boolean required) {
            this.field = field;
            this.name = field.getName();
            this.type = type;
            this.required = required;
        }

        Object get(Object header) {
            try {
                return field.get(header);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read header field " + name, e);
            }
        }

        void set(Object header, Object value) throws RemotingCommandException {
            try {
                field.set(header, value);
            } catch (IllegalAccessException e) {
                throw new RemotingCommandException("cannot set header field " + name, e);
            }
        }

        Object parse(String text, Class<?> headerClass) throws RemotingCommandException {
            try {
                switch (type) {
                    case STRING:
                        return text;
                    case INT:
                        return Integer.parseInt(text.trim());
                    case LONG:
                        return Long.parseLong(text.trim());
                    case BOOLEAN:
                        return Boolean.parseBoolean(text.trim());
                    default:
                        return Double.parseDouble(text.trim());
                }
            } catch (NumberFormatException e) {
                throw new RemotingCommandException("the custom field <" + name + "> of header " + headerClass.getName()
                    + " has value '" + text + "' which is not a valid " + type.name().toLowerCase(), e);
            }
        }
    }
}
