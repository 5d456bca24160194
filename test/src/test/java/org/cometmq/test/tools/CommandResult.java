package org.cometmq.test.tools;

import java.util.List;

/** What one command-line tool run left behind: its exit code and what it wrote to stdout and stderr. */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

    public List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\\R"));
    }

    /** For assertion messages: everything needed to see why a run did not do what was expected. */
    public String describe() {
        return command + " -> exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
