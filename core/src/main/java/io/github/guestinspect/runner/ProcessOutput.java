package io.github.guestinspect.runner;

import java.util.List;

/**
 * What a finished child process left behind.
 *
 * @param exitCode the exit status
 * @param stdout   standard output, decoded as UTF-8 (malformed bytes replaced)
 * @param stderr   standard error, decoded likewise
 */
record ProcessOutput(int exitCode, String stdout, String stderr) {
    /** The command line as one string, for messages. */
    static String describe(final List<String> command) {
        return String.join(" ", command);
    }
}
