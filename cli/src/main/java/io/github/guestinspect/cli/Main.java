package io.github.guestinspect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guest-inspect} command. */
@Command(name = Main.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = Main.DESCRIPTION, subcommands = {InspectCommand.class, DiffCommand.class, ReportCommand.class,
                HistoryCommand.class, CacheCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static final String NAME = "guest-inspect";
    static final String DESCRIPTION = "Inspects VM disk images (qcow2, raw, vmdk) through libguestfs: operating"
            + " systems, packages.";

    public static void main(final String[] args) {
        int code;
        try {
            code = commandLine(args).execute(args);
        }
        catch (OutOfMemoryError error) { // picocli passes errors on; the JVM would exit with 1, a policy result
            System.err.println("guest-inspect: out of memory (" + error.getMessage() + "); the JVM may use at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB of heap: give it more, e.g."
                    + " JAVA_TOOL_OPTIONS=-Xmx2g");
            code = ExitCode.INTERNAL_ERROR.code();
        }
        System.exit(code);
    }

    /** The configured command line with every subcommand. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Main()));
    }

    /**
     * The configured command line for these arguments (tests run it in-process): when they start with a subcommand's
     * name, the root with that subcommand alone, as it parses and runs them the same; otherwise every subcommand
     * (the root's own help and the help command list them all). Building the models of the subcommands a run does
     * not use would cost a short run a fifth of its start-up.
     */
    public static CommandLine commandLine(final String... arguments) {
        if (arguments.length > 0) {
            for (Class<?> subcommand : Main.class.getAnnotation(Command.class).subcommands()) {
                if (subcommand != CommandLine.HelpCommand.class
                        && subcommand.getAnnotation(Command.class).name().equals(arguments[0])) {
                    CommandLine root = new CommandLine(new Root());
                    root.addSubcommand(new CommandLine(subcommand));
                    return configured(root);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(final CommandLine commandLine) {
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

    /** The root of a command line with one subcommand: this command's name, options and description. */
    @Command(name = Main.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = Main.DESCRIPTION)
    static final class Root {
    }

    private static void configure(final CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.asMap());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
    }
}
