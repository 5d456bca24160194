package org.cometmq.test.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every public class, method and constructor of Apache RocketMQ 4.9.7's client and tools jars, and of the Apache
 * types their signatures mention (common, remoting), exists in CometMQ under {@code org.cometmq} with the same
 * signature, except what {@link ApiExceptions} names with a reason. Writes what is missing (explained or not) to
 * {@code target/api-missing.txt}.
 */
class PublicApiCompatibilityTest {

    @Test
    void cometHasTheApacheClientAndToolsApi() throws Exception {
        List<Class<?>> roots = new ArrayList<>();
        roots.addAll(ApiSurface.publicClasses(org.apache.rocketmq.client.producer.DefaultMQProducer.class));
        roots.addAll(ApiSurface.publicClasses(org.apache.rocketmq.tools.admin.DefaultMQAdminExt.class));
        ClassLoader comet = getClass().getClassLoader();

        Set<String> skipped = new TreeSet<>();
        List<Class<?>> checked = closure(roots, skipped);
        Set<String> missing = ApiSurface.missingIn(checked, comet);
        Set<String> allMissing = new TreeSet<>(missing);
        allMissing.addAll(ApiSurface.missingIn(roots, comet));
        Files.write(Path.of("target/api-missing.txt"), allMissing);

        Set<String> unexplained = missing.stream().filter(m -> ApiExceptions.reasonFor(m) == null)
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> stale = ApiExceptions.ALL.keySet().stream()
            .filter(pattern -> allMissing.stream().noneMatch(m -> ApiExceptions.matches(pattern, m))
                && skipped.stream().noneMatch(c -> ApiExceptions.matches(pattern, c)))
            .collect(Collectors.toCollection(TreeSet::new));
        System.out.printf("public API check: %d Apache client/tools classes, %d checked with the Apache types their API"
            + " mentions, %d members missing in all, %d explained by %d exceptions, %d unexplained%n", roots.size(), checked.size(),
            allMissing.size(), allMissing.size() - unexplained.size(), ApiExceptions.ALL.size(), unexplained.size());
        assertEquals(Set.of(), unexplained, "Apache 4.9.7 public API missing in CometMQ");
        assertEquals(Set.of(), stale, "exception entries that no longer match anything missing: remove them");
    }

    /**
     * The roots plus the Apache types their API mentions, transitively. Classes a whole-class exception covers are
     * not followed; their mapped names go to {@code skipped}.
     */
    private static List<Class<?>> closure(List<Class<?>> roots, Set<String> skipped) {
        Set<Class<?>> seen = new HashSet<>(roots);
        Deque<Class<?>> queue = new ArrayDeque<>(roots);
        List<Class<?>> result = new ArrayList<>();
        while (!queue.isEmpty()) {
            Class<?> cls = queue.poll();
            String cometName = ApiSurface.map(cls.getName());
            if (ApiExceptions.reasonFor(cometName) != null) {
                skipped.add("class " + cometName);
                continue;
            }
            result.add(cls);
            for (Class<?> referenced : ApiSurface.referencedApacheTypes(cls)) {
                if (seen.add(referenced)) {
                    queue.add(referenced);
                }
            }
        }
        result.sort((a, b) -> a.getName().compareTo(b.getName()));
        return result;
    }

    @Test
    void exceptionPatternsMatchAsDocumented() {
        assertEquals(true, ApiExceptions.matches("org.cometmq.client.impl.**", "class org.cometmq.client.impl.X"));
        assertEquals(true, ApiExceptions.matches("org.cometmq.client.impl.**",
            "org.cometmq.client.impl.consumer.Y#run()void"));
        assertEquals(true, ApiExceptions.matches("org.cometmq.a.B", "org.cometmq.a.B$Inner#x()void"));
        assertEquals(true, ApiExceptions.matches("org.cometmq.a.B#x", "org.cometmq.a.B#x(int)void"));
        assertEquals(false, ApiExceptions.matches("org.cometmq.a.B#x", "org.cometmq.a.B#xy()void"));
        assertEquals(false, ApiExceptions.matches("org.cometmq.a.B", "org.cometmq.a.Bc#x()void"));
    }
}
