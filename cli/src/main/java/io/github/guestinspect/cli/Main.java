package io.github.guestinspect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guest-inspect} command. */
@Command(name = "guest-inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspects VM disk images (qcow2, raw, vmdk) through libguestfs: operating systems, packages.",
        subcommands = {InspectCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {})
public final class Main {
    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests run it in-process). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.INTERNAL_ERROR.code());
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.asMap());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
            sub.getCommandSpec().usageMessage().exitCodeList(ExitCodes.asMap());
        }
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
        return commandLine;
    }
}
