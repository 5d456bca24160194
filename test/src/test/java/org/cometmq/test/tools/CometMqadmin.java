package org.cometmq.test.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cometmq.test.harness.TestEnvironment;

/**
 * CometMQ's {@code bin/mqadmin} from the assembled distribution, run as an operator runs it, with HOME and the
 * log directory inside the test's work dir (so tools.log can be checked and nothing lands in the real home).
 */
public final class CometMqadmin implements Mqadmin {
    private final Path workDir;
    private final String namesrvAddr;

    public CometMqadmin(String namesrvAddr) {
        this.workDir = TestEnvironment.newWorkDir("comet-mqadmin");
        this.namesrvAddr = namesrvAddr;
    }

    /** {@code mqadmin command -n <namesrv> args...}. */
    @Override
    public CommandResult run(String command, String... args) {
        return runRaw(commandLine(command, args));
    }

    /** {@code mqadmin command -n <namesrv> args...} for a command that runs until stopped: see ToolProcess#runUntil. */
    @Override
    public CommandResult runUntil(Predicate<String> enough, String command, String... args) {
        return ToolProcess.runUntil(commandLine(command, args), environment(), workDir, enough);
    }

    /** As {@link #runUntil}, watching what the run appends to {@link #toolsLog()} instead of stdout. */
    @Override
    public CommandResult runUntilLogged(Predicate<String> enough, String command, String... args) {
        return ToolProcess.runUntilAppended(commandLine(command, args), environment(), workDir, toolsLog(),
            enough);
    }

    private List<String> commandLine(String command, String... args) {
        List<String> line = new ArrayList<>(List.of(script().toString(), command, "-n", namesrvAddr));
        line.addAll(List.of(args));
        return line;
    }

    /** The log every run of this tool appends to. */
    Path toolsLog() {
        return logDir().resolve("tools.log");
    }

    /** The script with exactly {@code args} (no {@code -n}). */
    CommandResult runWithoutNamesrv(String... args) {
        List<String> line = new ArrayList<>();
        line.add(script().toString());
        line.addAll(List.of(args));
        return runRaw(line);
    }

    private CommandResult runRaw(List<String> line) {
        return ToolProcess.run(line, environment(), workDir);
    }

    private Map<String, String> environment() {
        return Map.of(
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "HOME", directory(workDir.resolve("user-home")).toString(),
            "COMET_LOG_DIR", logDir().toString(),
            "JAVA_HOME", System.getProperty("java.home"),
            // message bodies the query commands save go to the work dir, not the machine's /tmp
            "JAVA_OPT_EXT", "-Djava.io.tmpdir=" + directory(workDir.resolve("tmp")));
    }

    /** The folder the script runs in: relative paths a command writes land here. */
    Path workDir() {
        return workDir;
    }

    Path logDir() {
        return workDir.resolve("logs");
    }

    private static Path script() {
        Path script = TestEnvironment.distributionDir().resolve("bin").resolve("mqadmin");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing or not executable: package the distribution module");
        }
        return script;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
