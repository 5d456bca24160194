package org.cometmq.test.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs for one process: {@code unshare --mount} gives the process its own mount namespace, the
 * tmpfs is mounted there over a directory, and it disappears when the process ends, so nothing is left mounted on
 * the machine whatever happens to the test. Needs root (or CAP_SYS_ADMIN); {@link #available()} says whether here.
 */
final class Tmpfs {
    private static final String MOUNT_THEN_EXEC = "mount -t tmpfs -o size=\"$1\" tmpfs \"$2\" && shift 2 && exec \"$@\"";
    private static volatile Boolean available;

    private Tmpfs() {
    }

    /** {@code command} wrapped so that it runs with a private tmpfs of {@code size} mounted on {@code dir}. */
    static List<String> privateMount(String size, Path dir, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
            MOUNT_THEN_EXEC, "tmpfs-mount", size, dir.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether a private tmpfs can be mounted here (tried once with a 1 MiB one). */
    static boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            Path dir = Files.createTempDirectory("tmpfs-probe");
            try {
                Process process = new ProcessBuilder(privateMount("1m", dir, List.of("true")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
