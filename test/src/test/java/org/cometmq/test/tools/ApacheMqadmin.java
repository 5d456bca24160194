package org.cometmq.test.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cometmq.test.harness.TestEnvironment;

/**
 * Apache RocketMQ 4.9.7's own mqadmin ({@code org.apache.rocketmq.tools.command.MQAdminStartup}) in a child JVM
 * on the Apache jars, as its {@code bin/mqadmin} would run it: ROCKETMQ_HOME holds the conf/logback_tools.xml it
 * insists on, logging to a file in the work dir.
 */
public final class ApacheMqadmin implements Mqadmin {
    private static final String MAIN_CLASS = "org.apache.rocketmq.tools.command.MQAdminStartup";

    private final Path workDir;
    private final Path home;
    private final String namesrvAddr;

    public ApacheMqadmin(String namesrvAddr) {
        this.workDir = TestEnvironment.newWorkDir("apache-mqadmin");
        this.home = workDir.resolve("rocketmq-home");
        this.namesrvAddr = namesrvAddr;
        writeLogback();
    }

    @Override
    public CommandResult run(String command, String... args) {
        return ToolProcess.run(commandLine(command, args), Map.of("ROCKETMQ_HOME", home.toString()), workDir);
    }

    /** A command that runs until stopped, until its stdout satisfies {@code enough}: see ToolProcess#runUntil. */
    @Override
    public CommandResult runUntil(Predicate<String> enough, String command, String... args) {
        return ToolProcess.runUntil(commandLine(command, args), Map.of("ROCKETMQ_HOME", home.toString()), workDir,
            enough);
    }

    /** As {@link #runUntil}, watching what the run appends to {@link #clientLog()} instead of stdout. */
    @Override
    public CommandResult runUntilLogged(Predicate<String> enough, String command, String... args) {
        return ToolProcess.runUntilAppended(commandLine(command, args), Map.of("ROCKETMQ_HOME", home.toString()),
            workDir, clientLog(), enough);
    }

    /** Where 4.9.7's client logger writes (its own appender under the user's home, not logback_tools.xml's). */
    Path clientLog() {
        return workDir.resolve("user-home").resolve("logs").resolve("rocketmqlogs").resolve("rocketmq_client.log");
    }

    /** {@code mqadmin} with no arguments: the command list. */
    public CommandResult listCommands() {
        List<String> line = jvm();
        return ToolProcess.run(line, Map.of("ROCKETMQ_HOME", home.toString()), workDir);
    }

    private List<String> commandLine(String command, String... args) {
        List<String> line = jvm();
        line.addAll(List.of(command, "-n", namesrvAddr));
        line.addAll(List.of(args));
        return line;
    }

    private List<String> jvm() {
        return new ArrayList<>(List.of(TestEnvironment.javaExecutable().toString(), "-Xmx256m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.home=" + workDir.resolve("user-home"),
            "-Drocketmq.home.dir=" + home, "-cp", TestEnvironment.apacheLibDir() + "/*", MAIN_CLASS));
    }

    /** The folder the tool runs in: relative paths a command writes land here. */
    Path workDir() {
        return workDir;
    }

    /** Writes {@code conf/tools.yml}: the credentials 4.9.7's mqadmin signs its requests with. */
    public ApacheMqadmin withCredentials(String accessKey, String secretKey) {
        try {
            Files.writeString(home.resolve("conf").resolve("tools.yml"),
                "accessKey: " + accessKey + "\nsecretKey: " + secretKey + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tools.yml under " + home, e);
        }
        return this;
    }

    private void writeLogback() {
        String xml = """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>%s</file>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{0} - %%msg%%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="FILE"/></root>
            </configuration>
            """.formatted(workDir.resolve("tools.log"));
        try {
            Path file = home.resolve("conf").resolve("logback_tools.xml");
            Files.createDirectories(file.getParent());
            Files.createDirectories(workDir.resolve("user-home"));
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
    }
}
