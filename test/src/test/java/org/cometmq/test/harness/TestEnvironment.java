package org.cometmq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the tests find what they launch. Paths come from system properties that the test module's
 * pom sets for surefire and failsafe, so a build with {@code -Dcomet.target=...} stays self-contained.
 */
public final class TestEnvironment {
    public static final String DISTRIBUTION_DIR = "comet.distribution.dir";
    public static final String APACHE_LIB = "comet.apache.lib";
    public static final String BUILD_DIR = "comet.build.dir";

    private static final AtomicInteger WORK_DIR_SEQUENCE = new AtomicInteger();

    private TestEnvironment() {
    }

    /** The unpacked CometMQ distribution (bin/, conf/, lib/). */
    public static Path distributionDir() {
        return requiredDir(DISTRIBUTION_DIR, "run `mvn package` on the distribution module first");
    }

    /** Jars of Apache RocketMQ's name server and broker with their own dependencies. */
    public static Path apacheLibDir() {
        return requiredDir(APACHE_LIB, "the test module copies them at generate-test-resources");
    }

    /** The test module's build output folder; work dirs of launched processes go below it. */
    public static Path buildDir() {
        return requiredDir(BUILD_DIR, "set by the test module's pom");
    }

    /** The java launcher of the JDK running the tests. */
    public static Path javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * A fresh folder for one launched process (config, logs, store). Kept after the run so a
     * failure can be read afterwards; the build folder is wiped by {@code mvn clean}.
     */
    public static Path newWorkDir(String name) {
        // the fork number keeps two failsafe forks apart even for one name in one millisecond
        String unique = name + "-" + System.currentTimeMillis() + "-" + System.getProperty("comet.test.fork", "1")
            + "-" + WORK_DIR_SEQUENCE.incrementAndGet();
        Path dir = buildDir().resolve("it-work").resolve(unique);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work dir " + dir, e);
        }
    }

    private static Path requiredDir(String property, String hint) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + property + "' is not set: " + hint);
        }
        Path dir = Paths.get(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("'" + property + "' points at " + dir + ", which is not a directory: " + hint);
        }
        return dir;
    }
}
