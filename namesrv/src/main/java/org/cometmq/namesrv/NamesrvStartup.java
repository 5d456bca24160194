package org.cometmq.namesrv;

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
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.namesrv.config.NamesrvConfiguration;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry of the name server: {@code mqnamesrv [-c file] [-p] [-n addr] [-h]}.
 * Prints a boot line on stdout once it listens, so scripts and tests can wait for it.
 */
public final class NamesrvStartup {
    private static final Logger log = LoggerFactory.getLogger(NamesrvStartup.class);
    public static final int DEFAULT_LISTEN_PORT = 9876;
    public static final String BOOT_SUCCESS_PREFIX = "The Name Server boot success.";

    private NamesrvStartup() {
    }

    public static void main(String[] args) {
        NamesrvController controller;
        try {
            controller = createNamesrvController(args, System.out);
        } catch (IllegalArgumentException | IOException | ParseException e) {
            System.err.println("mqnamesrv: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (controller == null) {
            System.exit(0);
            return;
        }
        try {
            start(controller);
        } catch (Exception e) {
            log.error("name server failed to start", e);
            System.err.println("mqnamesrv: failed to start: " + e);
            System.exit(2);
        }
    }

    static Options buildCommandlineOptions() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '127.0.0.1:9876;127.0.0.2:9876' (accepted for compatibility, unused)"));
        options.addOption(new Option("c", "configFile", true, "Name server config properties file"));
        options.addOption(new Option("p", "printConfigItem", false, "Print all config items and exit"));
        return options;
    }

    /**
     * Builds the controller from the command line, or returns null after printing help ({@code -h}) or the
     * effective config ({@code -p}).
     *
     * @throws IllegalArgumentException when a config value does not parse
     * @throws IOException              when the config file cannot be read
     * @throws ParseException           when the command line is malformed
     */
    public static NamesrvController createNamesrvController(String[] args, PrintStream out)
        throws IOException, ParseException {
        // Responses carry this version, as the broker's do: clients and tools read it as the server's release.
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        Options options = buildCommandlineOptions();
        CommandLine commandLine = new DefaultParser().parse(options, args);
        if (commandLine.hasOption('h')) {
            new HelpFormatter().printHelp("mqnamesrv", options, true);
            return null;
        }
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        NettyServerConfig nettyServerConfig = new NettyServerConfig();
        nettyServerConfig.setListenPort(DEFAULT_LISTEN_PORT);
        if (commandLine.hasOption('c')) {
            String file = commandLine.getOptionValue('c');
            Properties properties = loadProperties(file);
            MixAll.properties2Object(properties, namesrvConfig);
            MixAll.properties2Object(properties, nettyServerConfig);
            namesrvConfig.setConfigStorePath(file);
            out.printf("load config properties file OK, %s%n", file);
        }
        if (commandLine.hasOption('p')) {
            out.print(new NamesrvConfiguration(namesrvConfig, nettyServerConfig).getAllConfigsFormatString());
            return null;
        }
        return new NamesrvController(namesrvConfig, nettyServerConfig);
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

    /** Initializes and starts the controller, installs a shutdown hook and announces the boot. */
    public static NamesrvController start(NamesrvController controller) throws Exception {
        if (!controller.initialize()) {
            controller.shutdown();
            throw new IllegalStateException("name server initialization failed (see log)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutdown hook: stopping name server");
            controller.shutdown();
        }, "NamesrvShutdownHook"));
        controller.start();
        String tip = BOOT_SUCCESS_PREFIX + " serializeType=" + serializeType() + ", address "
            + announcedHost(controller.getNettyServerConfig()) + ":" + controller.getRemotingServer().localListenPort();
        log.info(tip);
        System.out.printf("%s%n", tip);
        return controller;
    }

    private static String serializeType() {
        String name = System.getProperty(RemotingCommand.SERIALIZE_TYPE_PROPERTY,
            System.getenv(RemotingCommand.SERIALIZE_TYPE_ENV));
        return name != null && "ROCKETMQ".equalsIgnoreCase(name.trim()) ? "ROCKETMQ" : "JSON";
    }

    /** The address a local client can use: the bind address, or loopback when bound to every interface. */
    private static String announcedHost(NettyServerConfig config) {
        String bind = config.getBindAddress();
        return bind == null || bind.isEmpty() || "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
    }
}
