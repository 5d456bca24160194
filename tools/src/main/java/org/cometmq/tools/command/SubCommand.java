package org.cometmq.tools.command;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One {@code mqadmin} sub-command. {@link MQAdminStartup} adds the common options ({@code -n}, {@code -h},
 * {@code --verbose}) to {@link #buildCommandlineOptions}, parses the arguments, and calls {@link #execute} with a
 * context that hands out a started admin client and the output stream. A failure is thrown, never printed:
 * the startup turns it into one line on stderr and a non-zero exit code.
 */
public interface SubCommand {
    /** The name typed after {@code mqadmin}, e.g. {@code updateTopic}. */
    String commandName();

    /** One line for the command list. */
    String commandDesc();

    /** Adds this command's options to {@code options} and returns it. */
    Options buildCommandlineOptions(Options options);

    /**
     * Runs the command.
     *
     * @throws SubCommandException for wrong input or a result the operator must know about (its message is shown)
     * @throws Exception any failure of the admin client, described to the operator by {@link FailureMessages}
     */
    void execute(CommandLine commandLine, CommandContext context) throws Exception;
}
