package org.cometmq.test.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** An Apache RocketMQ 4.9.7 name server process: the reference the CometMQ name server is held to. */
public final class ApacheNamesrv implements NameServerProcess {
    private static final String MAIN_CLASS = "org.apache.rocketmq.namesrv.NamesrvStartup";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final ManagedProcess process;

    private ApacheNamesrv(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts one on a free port and returns once it printed "boot success" and its port accepts connections. */
    public static ApacheNamesrv start(String name) {
        int port = FreePorts.namesrvPort();
        ApacheServerLayout layout = new ApacheServerLayout(TestEnvironment.newWorkDir(name));
        layout.writeLogback("logback_namesrv.xml", "namesrv.log");
        Path workDir = layout.workDir();
        Path config = layout.writeConfig("namesrv.properties", Map.of(
            "listenPort", Integer.toString(port),
            "kvConfigPath", workDir.resolve("kvConfig.json").toString(),
            "configStorePath", workDir.resolve("namesrv.properties.store").toString()));
        ManagedProcess process = ManagedProcess.start(name, layout.javaCommand(MAIN_CLASS, config),
            layout.environment(), workDir, workDir.resolve("stdout.log"));
        process.waitForLog("boot success", BOOT_TIMEOUT);
        process.waitForPort(port, BOOT_TIMEOUT);
        return new ApacheNamesrv(port, process);
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }
}
