package org.cometmq.broker;

import ch.qos.logback.classic.LoggerContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.namesrv.NameServerAddresses;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry of the broker: {@code mqbroker [-c broker.conf] [-n namesrvAddr] [-p] [-h]}. Once registered
 * with its name servers it prints "The broker[name, ip:port] boot success. ..." on stdout.
 */
public final class BrokerStartup {
    private static final Logger log = LoggerFactory.getLogger(BrokerStartup.class);
    public static final int DEFAULT_LISTEN_PORT = 10911;

    private BrokerStartup() {
    }

    public static void main(String[] args) {
        // Responses carry this version; the 4.9.7 client reads the broker's from its heartbeat answer and will not
        // pull with an SQL92 subscription from a broker that reports one older than 4.1.0.
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        BrokerController controller;
        try {
            BrokerConfiguration configuration = parse(args, System.out);
            if (configuration == null) {
                System.exit(0);
                return;
            }
            controller = new BrokerController(configuration);
        } catch (IllegalArgumentException | IOException | ParseException e) {
            System.err.println("mqbroker: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            start(controller);
        } catch (Exception e) {
            log.error("broker failed to start", e);
            System.err.println("mqbroker: failed to start: " + e);
            controller.shutdown();
            stopLogging();
            System.exit(2);
        }
    }

    /**
     * Stops logback, draining the async appenders into the files. The broker's shutdown hook calls it last: a
     * logback shutdown hook would run beside it and drop what the broker logs while it stops.
     */
    static void stopLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    static Options buildCommandlineOptions() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '127.0.0.1:9876;127.0.0.2:9876'"));
        options.addOption(new Option("c", "configFile", true, "Broker config properties file"));
        options.addOption(new Option("p", "printConfigItem", false, "Print all config items and exit"));
        return options;
    }

    /**
     * The broker's settings from the command line, or null after printing help ({@code -h}) or every setting
     * ({@code -p}).
     *
     * @throws IllegalArgumentException for a value that does not parse or an invalid name server list
     * @throws IOException              when the config file cannot be read
     * @throws ParseException           for a malformed command line
     */
    public static BrokerConfiguration parse(String[] args, PrintStream out) throws IOException, ParseException {
        Options options = buildCommandlineOptions();
        CommandLine commandLine = new DefaultParser().parse(options, args);
        if (commandLine.hasOption('h')) {
            new HelpFormatter().printHelp("mqbroker", options, true);
            return null;
        }
        NettyServerConfig nettyServerConfig = new NettyServerConfig();
        nettyServerConfig.setListenPort(DEFAULT_LISTEN_PORT);
        BrokerConfiguration configuration = new BrokerConfiguration(new BrokerConfig(), new MessageStoreConfig(),
            nettyServerConfig, new NettyClientConfig());
        if (commandLine.hasOption('c')) {
            String file = commandLine.getOptionValue('c');
            configuration.apply(loadProperties(file));
            out.printf("load config properties file OK, %s%n", file);
        }
        BrokerConfig brokerConfig = configuration.getBrokerConfig();
        if (commandLine.hasOption('n')) {
            brokerConfig.setNamesrvAddr(commandLine.getOptionValue('n'));
        }
        validateNamesrvAddr(brokerConfig.getNamesrvAddr());
        applyBrokerRole(configuration);
        if (commandLine.hasOption('p')) {
            out.print(MixAll.properties2String(configuration.allProperties()));
            return null;
        }
        return configuration;
    }

    /**
     * As 4.9.7: a master's brokerId is always 0 whatever the file says; a slave's must be above 0 (4.9.7 prints
     * "Slave's brokerId must be > 0" and exits).
     */
    static void applyBrokerRole(BrokerConfiguration configuration) {
        BrokerConfig brokerConfig = configuration.getBrokerConfig();
        if (configuration.getMessageStoreConfig().getBrokerRole() != BrokerRole.SLAVE) {
            brokerConfig.setBrokerId(MixAll.MASTER_ID);
        } else if (brokerConfig.getBrokerId() <= 0) {
            throw new IllegalArgumentException("Slave's brokerId must be > 0 (brokerRole=SLAVE, brokerId="
                + brokerConfig.getBrokerId() + ")");
        }
    }

    /** Each ';'-separated entry must be host:port. */
    static void validateNamesrvAddr(String addrs) {
        NameServerAddresses.validate(addrs);
    }

    private static Properties loadProperties(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Paths.get(file)))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /** Initializes and starts the broker, installs a shutdown hook and announces the boot. */
    public static BrokerController start(BrokerController controller) throws Exception {
        if (!controller.initialize()) {
            throw new IllegalStateException("broker initialization failed (see the log)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutdown hook: stopping broker");
            controller.shutdown();
            stopLogging();
        }, "BrokerShutdownHook"));
        controller.start();
        BrokerConfig config = controller.getBrokerConfig();
        String tip = "The broker[" + config.getBrokerName() + ", " + controller.getBrokerAddr()
            + "] boot success. serializeType=" + serializeType() + " and name server is " + config.getNamesrvAddr();
        log.info(tip);
        System.out.printf("%s%n", tip);
        return controller;
    }

    private static String serializeType() {
        String name = System.getProperty(RemotingCommand.SERIALIZE_TYPE_PROPERTY,
            System.getenv(RemotingCommand.SERIALIZE_TYPE_ENV));
        return name != null && "ROCKETMQ".equalsIgnoreCase(name.trim()) ? "ROCKETMQ" : "JSON";
    }
}
