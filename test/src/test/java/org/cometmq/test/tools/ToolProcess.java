package org.cometmq.test.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a command-line tool to completion as a child process, bounded in time: stdout and stderr are kept apart
 * (the tools promise results on one and errors on the other), and a run that outlives its bound is killed
 * together with its children.
 */
final class ToolProcess {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ToolProcess() {
    }

    static CommandResult run(List<String> command, Map<String, String> env, Path workDir) {
        int run = SEQUENCE.incrementAndGet();
        Path stdout = workDir.resolve("run-" + run + ".out");
        Path stderr = workDir.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        builder.environment().remove("NAMESRV_ADDR");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not end within " + RUN_TIMEOUT.toSeconds()
                    + " s; output so far:\n" + read(stdout) + "\n" + read(stderr));
            }
            return new CommandResult(String.join(" ", command), process.exitValue(), read(stdout), read(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
