package org.cometmq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What an Apache RocketMQ 4.9.7 server process needs around it: a ROCKETMQ_HOME with the logback file its
 * startup class insists on, a private user.home, a properties file for {@code -c}, and a java command line
 * on the Apache classpath with the JDK 17 module flags its store needs to unmap files.
 */
final class ApacheServerLayout {
    private static final List<String> JDK17_FLAGS = List.of(
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Dio.netty.tryReflectionSetAccessible=true");

    private final Path workDir;
    private final Path home;
    private final Path userHome;

    ApacheServerLayout(Path workDir) {
        this.workDir = workDir;
        this.home = workDir.resolve("rocketmq-home");
        this.userHome = workDir.resolve("user-home");
    }

    Path workDir() {
        return workDir;
    }

    /** Writes conf/{@code logbackFileName} sending every logger to {@code <workDir>/<logName>}. */
    void writeLogback(String logbackFileName, String logName) {
        String xml = """
            <configuration>
              <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                <file>%s</file>
                <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{0} - %%msg%%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="FILE"/></root>
            </configuration>
            """.formatted(workDir.resolve(logName));
        write(home.resolve("conf").resolve(logbackFileName), xml);
    }

    /** Writes {@code content} to {@code relativePath} under ROCKETMQ_HOME (e.g. {@code conf/plain_acl.yml}). */
    void writeHomeFile(String relativePath, String content) {
        write(home.resolve(relativePath), content);
    }

    /** Writes the {@code -c} config file and returns its path. */
    Path writeConfig(String fileName, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = workDir.resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by the CometMQ test harness");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** {@code java ... -cp apache-lib/* mainClass -c config}. */
    List<String> javaCommand(String mainClass, Path config) {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.javaExecutable().toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.addAll(JDK17_FLAGS);
        command.add("-Duser.home=" + userHome);
        command.add("-Drocketmq.home.dir=" + home);
        command.add("-cp");
        command.add(TestEnvironment.apacheLibDir() + "/*");
        command.add(mainClass);
        command.add("-c");
        command.add(config.toString());
        return command;
    }

    Map<String, String> environment() {
        createDirectories(userHome);
        return Map.of("ROCKETMQ_HOME", home.toString());
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
