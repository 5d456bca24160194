package org.cometmq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cometmq.testkit.Await;

/**
 * A server process started by a test: stdout and stderr go to one log file, readiness is awaited with a
 * bound, and the process (with any children a start script spawned) is always ended: by the test's
 * {@link #stop()}/{@link #kill9()}, and by a JVM shutdown hook as a last resort.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int TAIL_LINES = 50;
    private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
            () -> LIVE.forEach(ManagedProcess::kill9), "ManagedProcessReaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code extraEnv} added to this JVM's environment.
     * Output goes to {@code logFile}.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> extraEnv,
                                       Path workDir, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(extraEnv);
        try {
            Files.writeString(logFile, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            ManagedProcess managed = new ManagedProcess(name, builder.start(), logFile);
            LIVE.add(managed);
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the log contains {@code text}; fails early if the process dies first. */
    public void waitForLog(String text, Duration timeout) {
        waitFor("log line containing '" + text + "'", timeout, () -> readLog().contains(text));
    }

    /** Waits until 127.0.0.1:{@code port} accepts a TCP connection; fails early if the process dies first. */
    public void waitForPort(int port, Duration timeout) {
        waitFor("port " + port + " to accept connections", timeout, () -> portOpen(port));
    }

    /** SIGTERM to the process and its children, then SIGKILL for whatever is left after a bounded grace. */
    public void stop() {
        if (!LIVE.contains(this)) {
            return;
        }
        long start = System.nanoTime();
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        boolean exited = awaitExit(tree, STOP_GRACE);
        end();
        appendNote("stop: " + (exited ? "exited on SIGTERM" : "still running " + STOP_GRACE.toSeconds()
            + " s after SIGTERM, killed") + ", " + exitDescription() + ", "
            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }

    /** Ends the process and its children at once, as a crash would. */
    public void kill9() {
        if (!LIVE.contains(this)) {
            return;
        }
        end();
        appendNote("kill9: " + exitDescription());
    }

    private void end() {
        processTree().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception timedOut) {
                return false;
            }
        }
        return true;
    }

    private String exitDescription() {
        return process.isAlive() ? "still alive after SIGKILL" : "exit code " + process.exitValue();
    }

    /** A harness line in the process log, after the process has ended, so a reader sees how it ended. */
    private void appendNote(String note) {
        try {
            Files.writeString(logFile, "# " + note + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the note is a courtesy; the process has ended either way
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The last {@code n} lines of the log, for failure messages. */
    public List<String> lastLogLines(int n) {
        List<String> lines = List.of(readLog().split("\\R"));
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    public String readLog() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void waitFor(String what, Duration timeout, java.util.function.BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw failure(what + ", but the process exited with code " + process.exitValue());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw failure(what + ", but " + timeout.toMillis() + " ms passed");
            }
            Await.sleep(Duration.ofMillis(100));
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError(name + " (pid " + process.pid() + "): waited for " + message + ". Last "
            + TAIL_LINES + " lines of " + logFile + ":" + System.lineSeparator()
            + String.join(System.lineSeparator(), lastLogLines(TAIL_LINES)));
    }

    /** Children first, so a start script cannot respawn or orphan its java child. */
    private List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
