package io.github.guestinspect.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest-inspect jar run as a user or a CI job runs it: a JVM of its own (so it can be sent SIGINT, SIGTERM and
 * SIGKILL), with its output in files, and what /proc tells about the processes of its runs.
 */
final class CliProcess {
    /** The shaded jar, made in the package phase, before failsafe runs. */
    private static final Path JAR = Path.of("target", "guest-inspect.jar").toAbsolutePath();
    /** The environment variable that ties every process of a run to its run directory (core's RunDirectory). */
    private static final String RUN_VARIABLE = "GUEST_INSPECT_RUN";
    private static final Pattern SOCKETS = Pattern.compile("path=(/[^,]*/libguestfs[A-Za-z0-9]{6})/guestfsd\\.sock");

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(final Process process, final Path out, final Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code guest-inspect ARGUMENTS} in a directory, with the given temporary root (where its runs make their
     * directories) and extra environment; its output goes to NAME.out and NAME.err in the directory.
     */
    static CliProcess start(final String name, final Path directory, final Path temporaryRoot,
                            final Map<String, String> environment, final String... arguments) throws IOException {
        assertThat(JAR).as("the jar made by the package phase").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + temporaryRoot,
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = directory.resolve(name + ".out");
        Path err = directory.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        return new CliProcess(builder.start(), out, err);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends a signal (INT, TERM) as a user's Ctrl-C or a CI runner's cancel does. */
    void signal(final String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -s " + signal).isTrue();
    }

    /** Kills the JVM with SIGKILL: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM died of SIGKILL").isTrue();
    }

    int awaitExit(final Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("guest-inspect did not finish within " + limit.toSeconds() + " s; it printed:\n"
                    + err());
        }
        return process.exitValue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    /** Kills what is left of it, for the tests' clean-up. */
    void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            return "(" + file + " cannot be read: " + exception.getMessage() + ")";
        }
    }

    /** The processes (of any run, dead or alive) that carry a run directory under the temporary root. */
    static List<ProcessHandle> runProcesses(final Path temporaryRoot) {
        String prefix = RUN_VARIABLE + "=" + temporaryRoot + "/";
        return ProcessHandle.allProcesses().filter(process -> environment(process).stream()
                .anyMatch(entry -> entry.startsWith(prefix))).toList();
    }

    /** The run directory a process carries, if any. */
    static Optional<Path> runDirectory(final ProcessHandle process) {
        return environment(process).stream().filter(entry -> entry.startsWith(RUN_VARIABLE + "="))
                .map(entry -> Path.of(entry.substring(RUN_VARIABLE.length() + 1))).findFirst();
    }

    /**
     * The appliance's qemu among the processes, if one runs: the qemu that names the appliance's socket, not one of
     * the short-lived qemu processes libguestfs runs first to learn qemu's features ({@code -help}, {@code -version}).
     */
    static Optional<ProcessHandle> qemu(final List<ProcessHandle> processes) {
        return processes.stream().filter(process -> process.info().command().orElse("").contains("qemu-system"))
                .filter(process -> process.info().arguments().stream().flatMap(Stream::of)
                        .anyMatch(argument -> SOCKETS.matcher(argument).find()))
                .findFirst();
    }

    /** The libguestfs socket directory a qemu names on its command line. */
    static Path socketDirectory(final ProcessHandle qemu) {
        for (String argument : qemu.info().arguments().orElse(new String[0])) {
            Matcher matcher = SOCKETS.matcher(argument);
            if (matcher.find()) {
                return Path.of(matcher.group(1));
            }
        }
        throw new AssertionError("qemu names no libguestfs socket: " + qemu.info().commandLine().orElse("?"));
    }

    private static List<String> environment(final ProcessHandle process) {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ")),
                    StandardCharsets.UTF_8).split("\0"));
        }
        catch (IOException exception) {
            return List.of(); // ended meanwhile
        }
    }

    /**
     * Waits for a condition of this running process by polling it; fails at once, with what it printed, when the
     * process ends first, and with the condition's description at the deadline.
     */
    void awaitWhileRunning(final String condition, final Duration limit, final BooleanSupplier check)
            throws InterruptedException {
        try {
            await(condition, limit, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("guest-inspect ended (exit " + process.exitValue() + ") before: "
                            + condition + "; it printed:\n" + err());
                }
                return check.getAsBoolean();
            });
        }
        catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\nits processes: " + process.descendants()
                    .map(child -> child.pid() + " " + child.info().commandLine().orElse("?")).toList()
                    + "\nit printed:\n" + err(), timedOut);
        }
    }

    /** Waits for a condition by polling it, failing with its description at the deadline. */
    static void await(final String condition, final Duration limit, final BooleanSupplier check)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!check.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: " + condition).isBefore(deadline);
            Thread.sleep(100); // polling for a condition, with a deadline
        }
    }
}
