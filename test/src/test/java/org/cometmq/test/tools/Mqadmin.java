package org.cometmq.test.tools;

import java.util.function.Predicate;

/** One of the two mqadmin command lines compared on one cluster: CometMQ's script or Apache 4.9.7's main class. */
interface Mqadmin {
    /** {@code mqadmin command -n <namesrv> args...}, to its end. */
    CommandResult run(String command, String... args);

    /** A command that runs until stopped, until its stdout satisfies {@code enough}: see ToolProcess#runUntil. */
    CommandResult runUntil(Predicate<String> enough, String command, String... args);

    /** As {@link #runUntil}, watching what the run appends to the tool's log instead of stdout. */
    CommandResult runUntilLogged(Predicate<String> enough, String command, String... args);
}
