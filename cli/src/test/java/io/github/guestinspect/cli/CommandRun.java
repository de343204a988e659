package io.github.guestinspect.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the guest-inspect command line.
 *
 * @param exitCode the exit status
 * @param out      what it printed to standard output
 * @param err      what it printed to standard error
 */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(final String... arguments) {
        CommandLine commandLine = Main.commandLine(arguments);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
