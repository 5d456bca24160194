package org.cometmq.tools.command;

import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;

/**
 * Runs {@code mqadmin} in-process against mocks: the admin, puller and producer are Mockito mocks the test
 * stubs; stdout and stderr are captured. Name server address comes from a fake environment.
 */
public final class CommandRunner {
    public final MQAdminExt admin = mock(MQAdminExt.class);
    public final QueuePuller puller = mock(QueuePuller.class);
    public final MQProducer producer = mock(MQProducer.class);
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private Map<String, String> environment = Map.of("NAMESRV_ADDR", "127.0.0.1:9876");
    public String openedWithNamesrv;
    public int contextsOpened;

    public CommandRunner withEnvironment(Map<String, String> environment) {
        this.environment = environment;
        return this;
    }

    /** The exit code of {@code mqadmin args...}. */
    public int run(String... args) {
        return runWith(null, args);
    }

    /** As {@link #run}, with {@code command} replacing the registered command of the same name. */
    public int runWith(SubCommand command, String... args) {
        MQAdminStartup startup = new MQAdminStartup(out, err, (stream, namesrv) -> {
            openedWithNamesrv = namesrv;
            contextsOpened++;
            return new CommandContext() {
                @Override
                public PrintStream out() {
                    return stream;
                }

                @Override
                public MQAdminExt admin() {
                    return admin;
                }

                @Override
                public QueuePuller puller() {
                    return puller;
                }

                @Override
                public MQProducer producer() {
                    return producer;
                }

                @Override
                public MQProducer producer(boolean msgTraceEnable, String unitName) {
                    return producer;
                }
            };
        }, environment::get);
        if (command != null) {
            startup.register(command);
        }
        return startup.run(args);
    }

    public String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    public List<String> outLines() {
        return List.of(out().split("\n", -1));
    }

    public String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
