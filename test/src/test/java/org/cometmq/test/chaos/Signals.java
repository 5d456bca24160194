package org.cometmq.test.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cometmq.test.harness.ManagedProcess;

/** SIGSTOP and SIGCONT for a managed process and its children (the start script and the JVM it runs). */
final class Signals {
    private Signals() {
    }

    /** Freezes the process tree: it keeps its sockets but answers nothing, as a long GC pause or a hung host. */
    static void suspend(ManagedProcess process) {
        signal(process, "-STOP");
    }

    static void resume(ManagedProcess process) {
        signal(process, "-CONT");
    }

    private static void signal(ManagedProcess process, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        ProcessHandle root = ProcessHandle.of(process.pid())
            .orElseThrow(() -> new IllegalStateException(process.name() + " is not running"));
        command.add(String.valueOf(root.pid()));
        root.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + process.name(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot signal " + process.name(), e);
        }
    }
}
