package org.cometmq.tools.command;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * Declares a sub-command's options one line each, in the order {@code mqadmin}'s help lists them:
 * {@code CommandOptions.to(options).required("t", "topic", "topic name").value(...).options()}. The names and
 * descriptions are passed through untouched, because the help text must read as RocketMQ 4.9.7's does.
 */
public final class CommandOptions {
    private final Options options;

    private CommandOptions(Options options) {
        this.options = options;
    }

    /** Declarations that add to {@code options}. */
    public static CommandOptions to(Options options) {
        return new CommandOptions(options);
    }

    /** An option with a value that the parser refuses a command line without. */
    public CommandOptions required(String opt, String longOpt, String description) {
        Option option = new Option(opt, longOpt, true, description);
        option.setRequired(true);
        options.addOption(option);
        return this;
    }

    /** An option with a value that may be left out. */
    public CommandOptions value(String opt, String longOpt, String description) {
        options.addOption(new Option(opt, longOpt, true, description));
        return this;
    }

    /** An option without a value: present or not. */
    public CommandOptions flag(String opt, String longOpt, String description) {
        options.addOption(new Option(opt, longOpt, false, description));
        return this;
    }

    /** The required choice of {@code -b brokerAddr} or {@code -c clusterName}, one of the two and not both. */
    public CommandOptions brokerOrCluster(String brokerDescription, String clusterDescription) {
        OptionGroup target = new OptionGroup();
        target.addOption(new Option("b", "brokerAddr", true, brokerDescription));
        target.addOption(new Option("c", "clusterName", true, clusterDescription));
        target.setRequired(true);
        options.addOptionGroup(target);
        return this;
    }

    /** The options declared so far, with whatever they held before. */
    public Options options() {
        return options;
    }
}
