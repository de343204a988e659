package io.github.guestinspect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guest-inspect} command. */
@Command(name = "guest-inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspects VM disk images (qcow2, raw, vmdk) through libguestfs: operating systems, packages.",
        subcommands = {InspectCommand.class, DiffCommand.class, ReportCommand.class, HistoryCommand.class,
                CacheCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(final String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        }
        catch (OutOfMemoryError error) { // picocli passes errors on; the JVM would exit with 1, a policy result
            System.err.println("guest-inspect: out of memory (" + error.getMessage() + "); the JVM may use at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB of heap: give it more, e.g."
                    + " JAVA_TOOL_OPTIONS=-Xmx2g");
            code = ExitCode.INTERNAL_ERROR.code();
        }
        System.exit(code);
    }

    /** The configured command line (tests run it in-process). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        configure(commandLine);
        configureAll(commandLine);
        return commandLine;
    }

    private static void configureAll(final CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            configure(sub);
            configureAll(sub);
        }
    }

    private static void configure(final CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.asMap());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
    }
}
