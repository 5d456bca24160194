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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a command-line tool to completion as a child process, bounded in time: stdout and stderr are kept apart
 * (the tools promise results on one and errors on the other), and a run that outlives its bound is killed
 * together with its children.
 */
final class ToolProcess {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 200;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ToolProcess() {
    }

    static CommandResult run(List<String> command, Map<String, String> env, Path workDir) {
        return run(command, env, workDir, null, null);
    }

    /**
     * Runs a tool that does not end by itself (a monitor) until its stdout satisfies {@code enough}, then stops it
     * with its children; the exit code is then -1. Fails when {@code enough} is not met within the run bound.
     */
    static CommandResult runUntil(List<String> command, Map<String, String> env, Path workDir,
                                  Predicate<String> enough) {
        return run(command, env, workDir, null, enough);
    }

    /**
     * As {@link #runUntil}, watching what the tool appends to {@code watched} (a log file) during the run instead
     * of its stdout.
     */
    static CommandResult runUntilAppended(List<String> command, Map<String, String> env, Path workDir, Path watched,
                                          Predicate<String> enough) {
        return run(command, env, workDir, watched, enough);
    }

    private static CommandResult run(List<String> command, Map<String, String> env, Path workDir, Path watched,
                                     Predicate<String> enough) {
        int run = SEQUENCE.incrementAndGet();
        Path stdout = workDir.resolve("run-" + run + ".out");
        Path stderr = workDir.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        builder.environment().remove("NAMESRV_ADDR");
        builder.environment().putAll(env);
        int skipped = watched == null ? 0 : read(watched).length();
        Supplier<String> output = watched == null ? () -> read(stdout) : () -> from(read(watched), skipped);
        try {
            Process process = builder.start();
            if (enough != null && awaitOutput(process, output, enough)) {
                stop(process);
                return new CommandResult(String.join(" ", command), -1, read(stdout), read(stderr));
            }
            if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
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

    /** True once the output satisfies {@code enough}; false when the process ended or the bound passed first. */
    private static boolean awaitOutput(Process process, Supplier<String> output, Predicate<String> enough)
        throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (enough.test(output.get())) {
                return true;
            }
            if (!process.isAlive()) {
                return enough.test(output.get());
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private static String from(String text, int offset) {
        return text.length() < offset ? text : text.substring(offset);
    }

    /** The text of {@code file}, or "" while it does not exist. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
