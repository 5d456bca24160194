package org.cometmq.test.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's process handling, checked on /bin/sh children so the ITs can rely on it. */
class ManagedProcessTest {
    @TempDir
    Path dir;
    private ManagedProcess process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.kill9();
        }
    }

    @Test
    void waitsForALogLineThenStopsTheProcessAndItsChildren() {
        // The shell forks a child sleep, as a start script that does not exec would. The awaited text is built at
        // run time so that the log's header line (the command itself) cannot satisfy the wait.
        process = start("R=ready; echo starting; echo \"$R now\"; sleep 60 & wait");

        process.waitForLog("ready now", Duration.ofSeconds(10));
        List<ProcessHandle> children = childrenOf(process);
        process.stop();

        assertFalse(process.isAlive());
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "children left running: " + children);
        List<String> tail = process.lastLogLines(3);
        assertEquals(List.of("starting", "ready now"), tail.subList(0, 2));
        // the exit code depends on whether bash or its child sees the signal first (143, or 0 when wait returns)
        assertTrue(tail.get(2).startsWith("# stop: exited on SIGTERM, exit code "), tail.get(2));
    }

    @Test
    void failsFastWithTheLogTailWhenTheProcessExitsBeforeItIsReady() {
        process = start("for i in $(seq 1 60); do echo line $i; done; exit 3");

        AssertionError error = assertThrows(AssertionError.class,
            () -> process.waitForLog("never printed", Duration.ofSeconds(10)));

        assertTrue(error.getMessage().contains("exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("line 60"), error.getMessage());
        assertFalse(error.getMessage().contains("line 10\n"), "only the last 50 lines: " + error.getMessage());
    }

    @Test
    void timesOutWaitingForAPortThatNeverOpens() {
        process = start("sleep 60");
        int closedPort = FreePorts.namesrvPort();

        AssertionError error = assertThrows(AssertionError.class,
            () -> process.waitForPort(closedPort, Duration.ofMillis(500)));

        assertTrue(error.getMessage().contains("500 ms passed"), error.getMessage());
        process.kill9();
        assertFalse(process.isAlive());
    }

    @Test
    void brokerPortLeavesRoomForTheVipAndHaPorts() throws IOException {
        int port = FreePorts.brokerPort();
        int other = FreePorts.brokerPort();

        assertTrue(Math.abs(port - other) >= 4, "ranges overlap: " + port + " and " + other);
        for (int p = port - 2; p <= port + 1; p++) {
            try (ServerSocket socket = new ServerSocket(p)) {
                assertEquals(p, socket.getLocalPort());
            }
        }
    }

    private ManagedProcess start(String script) {
        return ManagedProcess.start("sh-test", List.of("/bin/sh", "-c", script), Map.of(), dir, dir.resolve("out.log"));
    }

    private static List<ProcessHandle> childrenOf(ManagedProcess managed) {
        return ProcessHandle.of(managed.pid()).orElseThrow().descendants().toList();
    }
}
