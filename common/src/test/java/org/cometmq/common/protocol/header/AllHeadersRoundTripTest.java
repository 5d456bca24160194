package org.cometmq.common.protocol.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.Test;

/** Every header class of this package survives a wire round trip in both serializations with all fields set. */
class AllHeadersRoundTripTest {

    private static List<Class<?>> headerClasses() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/cometmq/common/protocol/header"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".java")) {
                    classes.add(Class.forName("org.cometmq.common.protocol.header." + name.replace(".java", "")));
                }
            }
        }
        return classes;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> result = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    result.add(f);
                }
            }
        }
        return result;
    }

    private static Object sampleValue(Field f, int i) {
        Class<?> t = f.getType();
        if (t == String.class) {
            return f.getName().equals("topicFilterType") ? "SINGLE_TAG" : "v" + i + "-" + f.getName();
        } else if (t == int.class || t == Integer.class) {
            return f.getName().equals("commitOrRollback") ? 12 : 100 + i;
        } else if (t == long.class || t == Long.class) {
            return 1L << 40 | i;
        } else if (t == boolean.class || t == Boolean.class) {
            return Boolean.TRUE;
        }
        throw new AssertionError("unsupported header field type " + t + " of " + f);
    }

    @Test
    void everyHeaderRoundTrips() throws Exception {
        List<Class<?>> classes = headerClasses();
        assertTrue(classes.size() >= 50, "found " + classes.size());
        for (Class<?> type : classes) {
            CommandCustomHeader header = (CommandCustomHeader) type.getDeclaredConstructor().newInstance();
            List<Field> fields = fields(type);
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).set(header, sampleValue(fields.get(i), i));
            }
            for (SerializeType st : SerializeType.values()) {
                RemotingCommand cmd = RemotingCommand.createRequestCommand(1, header);
                cmd.setSerializeTypeCurrentRPC(st);
                ByteBuffer frame = cmd.encode();
                frame.getInt();
                RemotingCommand decoded = RemotingCommand.decode(frame);
                int expectedKeys = fields.size();
                assertEquals(expectedKeys, decoded.getExtFields() == null ? 0 : decoded.getExtFields().size(),
                    type.getSimpleName());
                Object back = decoded.decodeCommandCustomHeader(type.asSubclass(CommandCustomHeader.class));
                for (Field f : fields) {
                    assertEquals(f.get(header), f.get(back), type.getSimpleName() + "." + f.getName() + " " + st);
                }
            }
        }
    }
}
