package org.cometmq.test.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A distribution script run to completion in a work dir: its exit code and its output (stdout and stderr). */
record ScriptRun(int exitCode, String output) {

    /** Runs {@code command} with {@code env} added; fails the test when it does not finish within {@code timeout}. */
    static ScriptRun run(List<String> command, Map<String, String> env, Path workDir, String name, Duration timeout)
        throws IOException, InterruptedException {
        Path output = workDir.resolve(name.replace(' ', '-') + "-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + timeout + ":\n" + read(output));
        }
        return new ScriptRun(process.exitValue(), read(output));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
