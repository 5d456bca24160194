package org.cometmq.tools.command.consumer;

import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cometmq.tools.command.CommandContext;
import org.cometmq.tools.command.OptionValues;
import org.cometmq.tools.command.SubCommand;
import org.cometmq.tools.command.ToolsCredentials;
import org.cometmq.tools.monitor.DefaultMonitorListener;
import org.cometmq.tools.monitor.MonitorConfig;
import org.cometmq.tools.monitor.MonitorService;

/**
 * {@code startMonitoring}: runs a {@link MonitorService} on the cluster of {@code -n} until the process is
 * stopped. As in 4.9.7 it prints nothing: its reports ({@code [MONITOR] ...} lines, a round 20 s after the start
 * and then every minute) go to the tool's log, {@code tools.log}.
 */
public class StartMonitoringSubCommand implements SubCommand {

    @Override
    public String commandName() {
        return "startMonitoring";
    }

    @Override
    public String commandDesc() {
        return "Start Monitoring";
    }

    @Override
    public void execute(CommandLine commandLine, CommandContext context) throws Exception {
        MonitorConfig config = new MonitorConfig();
        String namesrvAddr = OptionValues.string(commandLine, 'n');
        if (namesrvAddr != null) {
            config.setNamesrvAddr(namesrvAddr);
        }
        MonitorService service = new MonitorService(config, new DefaultMonitorListener(),
            ToolsCredentials.rpcHook(System::getenv));
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "MonitorServiceShutdown"));
        // mqadmin exits when a command returns; the monitor runs until the process is stopped
        new CountDownLatch(1).await();
    }

    @Override
    public Options buildCommandlineOptions(Options options) {
        return options;
    }
}
