package org.cometmq.dashboard;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.dashboard.api.DashboardApi;
import org.cometmq.dashboard.http.DashboardHandler;
import org.cometmq.dashboard.http.HttpServer;
import org.cometmq.dashboard.http.SessionGuard;
import org.cometmq.dashboard.http.StaticResources;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mqdashboard -n <namesrv> [-p <port>] [-c <file>]}: starts the web console and runs until stopped. */
public final class DashboardStartup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardStartup.class);

    private final DefaultMQAdminExt admin;
    private final HttpServer server = new HttpServer();
    private int port;

    private DashboardStartup(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** Starts the admin client and the HTTP server; the returned instance knows the port it bound. */
    public static DashboardStartup start(DashboardConfig config) throws Exception {
        if (config.getNamesrvAddr() == null) {
            throw new IllegalArgumentException("no name server: give -n host:port or set NAMESRV_ADDR");
        }
        DefaultMQAdminExt admin = config.getAccessKey() == null ? new DefaultMQAdminExt()
            : new DefaultMQAdminExt(new AclClientRPCHook(new SessionCredentials(config.getAccessKey(),
                config.getSecretKey())));
        admin.setNamesrvAddr(config.getNamesrvAddr());
        admin.setInstanceName("dashboard-" + ProcessHandle.current().pid());
        admin.start();
        DashboardStartup dashboard = new DashboardStartup(admin);
        try {
            SessionGuard guard = new SessionGuard(config.getLoginUser(), config.getLoginPassword(),
                config.getSessionMinutes() * 60_000L, Clock.systemUTC());
            DashboardHandler handler = new DashboardHandler(new DashboardApi(admin).routes(),
                new StaticResources(DashboardStartup.class.getClassLoader()), guard, config.isReadOnly());
            dashboard.port = dashboard.server.start(config.getListenHost(), config.getListenPort(), handler);
        } catch (Exception e) {
            dashboard.close();
            throw e;
        }
        return dashboard;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
        admin.shutdown();
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options()
            .addOption("n", "namesrvAddr", true, "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'")
            .addOption("p", "port", true, "HTTP port, default 8080")
            .addOption("c", "configFile", true, "Dashboard config file (conf/dashboard.properties)")
            .addOption("h", "help", false, "Print help");
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.println(e.getMessage());
            new HelpFormatter().printHelp("mqdashboard", options, true);
            System.exit(1);
            return;
        }
        if (line.hasOption('h')) {
            new HelpFormatter().printHelp("mqdashboard", options, true);
            return;
        }
        DashboardConfig config = configFrom(line);
        DashboardStartup dashboard = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            stopped.countDown();
        }, "dashboard-shutdown"));
        String message = "The dashboard is up at http://" + config.getListenHost() + ":" + dashboard.port()
            + "/ for name server " + config.getNamesrvAddr() + (config.isReadOnly() ? " (read-only)" : "");
        LOG.info(message);
        System.out.println(message);
        stopped.await();
    }

    static DashboardConfig configFrom(CommandLine line) throws Exception {
        DashboardConfig config = line.hasOption('c') ? DashboardConfig.load(Path.of(line.getOptionValue('c')))
            : DashboardConfig.fromProperties(new Properties());
        String namesrv = line.getOptionValue('n', System.getenv("NAMESRV_ADDR"));
        if (namesrv != null && !namesrv.isBlank()) {
            config.setNamesrvAddr(namesrv.trim());
        }
        if (line.hasOption('p')) {
            try {
                config.setListenPort(Integer.parseInt(line.getOptionValue('p').trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-p must be a port number, not " + line.getOptionValue('p'), e);
            }
        }
        config.validate();
        return config;
    }
}
