package org.cometmq.tools.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.cometmq.common.MixAll;
import org.cometmq.remoting.RPCHook;

/**
 * {@code mqadmin <command> [options]}: finds the sub-command, parses its options plus the common ones
 * ({@code -n} name servers, {@code -h} help, {@code --verbose} stack traces), runs it and maps the outcome to
 * an exit code: 0 on success, 1 with one line on stderr otherwise. {@code mqadmin} alone lists the commands,
 * {@code mqadmin help <command>} prints a command's options.
 */
public final class MQAdminStartup {
    /** Opens the context a command runs in; the startup closes it afterwards when it is AutoCloseable. */
    public interface ContextFactory {
        CommandContext open(PrintStream out, String namesrvAddr);
    }

    private static final int HELP_WIDTH = 110;
    private static final String VERBOSE = "verbose";

    private final Map<String, SubCommand> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final ContextFactory contextFactory;
    private final Function<String, String> environment;

    public MQAdminStartup(PrintStream out, PrintStream err, ContextFactory contextFactory,
        Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.contextFactory = contextFactory;
        this.environment = environment;
        SubCommands.all().forEach(this::register);
    }

    public static void main(String[] args) {
        RPCHook rpcHook = ToolsCredentials.rpcHook(System::getenv);
        MQAdminStartup startup = new MQAdminStartup(System.out, System.err,
            (out, namesrvAddr) -> new ToolsContext(out, namesrvAddr, rpcHook), System::getenv);
        int exitCode = startup.run(args);
        System.out.flush();
        // client threads (Netty, timers) must not keep a finished command alive
        System.exit(exitCode);
    }

    public void register(SubCommand command) {
        commands.put(command.commandName(), command);
    }

    public List<SubCommand> commands() {
        return List.copyOf(commands.values());
    }

    /** Runs one invocation; the exit code. */
    public int run(String[] args) {
        if (args.length == 0 || (args.length == 1 && "help".equals(args[0]))) {
            printCommandList();
            return 0;
        }
        if ("help".equals(args[0])) {
            return printCommandHelp(args[1]);
        }
        SubCommand command = commands.get(args[0]);
        if (command == null) {
            return fail(unknownCommand(args[0]), null, false);
        }
        String[] commandArgs = Arrays.copyOfRange(args, 1, args.length);
        Options options = optionsOf(command);
        if (Arrays.asList(commandArgs).contains("-h") || Arrays.asList(commandArgs).contains("--help")) {
            printUsage(command, options);
            return 0;
        }
        CommandLine commandLine;
        try {
            commandLine = new DefaultParser().parse(options, commandArgs);
        } catch (ParseException e) {
            return fail(command.commandName() + ": " + e.getMessage() + " (see 'mqadmin help "
                + command.commandName() + "')", null, false);
        }
        return execute(command, commandLine);
    }

    private int execute(SubCommand command, CommandLine commandLine) {
        boolean verbose = commandLine.hasOption(VERBOSE);
        String namesrvAddr = namesrvAddr(commandLine);
        if (namesrvAddr == null) {
            return fail("no name server address: pass -n host:port (several separated by ';') or set "
                + MixAll.NAMESRV_ADDR_ENV, null, false);
        }
        CommandContext context = contextFactory.open(out, namesrvAddr);
        try {
            command.execute(commandLine, context);
            out.flush();
            return 0;
        } catch (Exception e) {
            out.flush();
            return fail(FailureMessages.describe(e, commandLine), e, verbose);
        } finally {
            closeQuietly(context);
        }
    }

    private String namesrvAddr(CommandLine commandLine) {
        String addr = commandLine.getOptionValue('n');
        if (addr == null) {
            addr = System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY, environment.apply(MixAll.NAMESRV_ADDR_ENV));
        }
        return addr == null || addr.isBlank() ? null : addr.trim();
    }

    private void closeQuietly(CommandContext context) {
        if (context instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                err.println("mqadmin: warning: clients not shut down cleanly: " + e);
            }
        }
    }

    private int fail(String reason, Throwable failure, boolean verbose) {
        err.println("mqadmin: " + reason);
        if (verbose && failure != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static String unknownCommand(String name) {
        return "no sub command '" + name + "' (run 'mqadmin' to list the commands)";
    }

    /** The command's options plus the common ones; {@code --verbose} gets {@code -v} unless the command uses it. */
    Options optionsOf(SubCommand command) {
        Options options = command.buildCommandlineOptions(new Options());
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        String shortVerbose = options.hasShortOption("v") ? null : "v";
        options.addOption(new Option(shortVerbose, VERBOSE, false, "Print the stack trace of a failure"));
        return options;
    }

    private void printCommandList() {
        out.printf("The most commonly used mqadmin commands are:%n");
        for (SubCommand command : commands.values()) {
            out.printf("   %-20s %s%n", command.commandName(), command.commandDesc());
        }
        out.printf("%nSee 'mqadmin help <command>' for more information on a specific command.%n");
        out.flush();
    }

    private int printCommandHelp(String name) {
        SubCommand command = commands.get(name);
        if (command == null) {
            return fail(unknownCommand(name), null, false);
        }
        printUsage(command, optionsOf(command));
        return 0;
    }

    private void printUsage(SubCommand command, Options options) {
        PrintWriter writer = new PrintWriter(out);
        HelpFormatter formatter = new HelpFormatter();
        formatter.printHelp(writer, HELP_WIDTH, "mqadmin " + command.commandName(), command.commandDesc(), options,
            formatter.getLeftPadding(), formatter.getDescPadding(), null, true);
        writer.flush();
    }
}
