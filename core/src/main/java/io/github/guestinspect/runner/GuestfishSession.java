package io.github.guestinspect.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One guestfish process driven over its standard input, as a conversation. Every command is prefixed with
 * {@code -} (so an error does not end the script) and followed by an {@code echo} of a random marker, so the
 * output of each command is delimited without parsing what it prints; errors carry guestfish's input line number
 * ({@code *stdin*:LINE:}), which ties each one to its command. File contents never travel over standard output:
 * they are written to local files ({@code download}, {@code ls0}), so nothing an image holds can forge a marker.
 * Arguments are bytes, each sent as a double-quoted string in which every byte that is not printable ASCII is a
 * {@code \xHH} escape, so a name from the image arrives exactly, whatever it holds (NUL aside, which no name holds).
 * A command line never exceeds what guestfish reads as one line ({@link #MAX_LINE}): guestfish runs the rest of a
 * longer line as a command of its own, and a {@code !} there goes to the shell. An error message may repeat an
 * argument, line breaks and all, and so forge an error line for another command; a command whose arguments hold a
 * line break therefore runs alone in its sync, where no other command can be blamed.
 * A watchdog kills the whole process tree at the deadline.
 */
final class GuestfishSession implements AutoCloseable {
    private static final int STDERR_TAIL = 40;
    private static final String END_OF_STREAM = "\u0000eof";

    /**
     * The longest command line (without its newline) that guestfish reads as one: it reads lines with
     * {@code fgets} into 8192 bytes, so a line of 8191 bytes leaves its newline for an empty line of its own
     * (which shifts every later {@code *stdin*:LINE}) and a longer one is cut, the rest run as a command
     * (measured with guestfish 1.48.6; see docs/runner.md).
     */
    static final int MAX_LINE = 8190;

    private final ChildProcesses processes;
    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;
    private final BlockingQueue<String> stderrLines = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final ScheduledExecutorService watchdog;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final String marker;
    private final Duration timeout;
    private final List<Pending> pending = new ArrayList<>();
    private int line;
    /** A command whose arguments hold a line break is pending: nothing else may join its sync. */
    private boolean alone;

    private GuestfishSession(final ChildProcesses processes, final Process process, final Duration timeout) {
        this.processes = processes;
        this.process = process;
        this.timeout = timeout;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.marker = "gi-" + HexFormat.of().formatHex(random);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "guestfish-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.schedule(() -> {
            timedOut.set(true);
            processes.kill(process);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Thread stderrReader = new Thread(this::readStderr, "guestfish-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** Starts guestfish with no drives; the caller adds them and calls {@code run}. */
    static GuestfishSession start(final ChildProcesses processes, final Map<String, String> environment,
                                  final Path workDirectory, final Duration timeout) throws ToolMissingException,
            GuestfishException {
        try {
            Process process = processes.start(List.of("guestfish", "--no-progress-bars"), environment, workDirectory);
            return new GuestfishSession(processes, process, timeout);
        }
        catch (IOException exception) {
            if (Tools.isNotFound(exception)) {
                throw new ToolMissingException("guestfish (libguestfs)");
            }
            throw new GuestfishException("Cannot start guestfish: " + exception.getMessage(), exception);
        }
    }

    /** Queues a command whose arguments are text (sent as UTF-8). */
    Pending call(final String verb, final String... arguments) throws GuestfishException {
        return callBytes(verb, utf8(arguments));
    }

    private static byte[][] utf8(final String... arguments) {
        byte[][] bytes = new byte[arguments.length][];
        for (int i = 0; i < arguments.length; i++) {
            bytes[i] = arguments[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /**
     * Queues a command; every argument is quoted, so no byte of it can split or end the command. A command whose
     * arguments hold a line break must be the only one of its sync: call {@link #sync()} before and after it.
     *
     * @throws GuestfishException   if the command line is longer than guestfish reads as one (check with
     *                              {@link #fits}); nothing is sent then
     * @throws IllegalStateException if the rule on line breaks is broken
     */
    Pending callBytes(final String verb, final byte[]... arguments) throws GuestfishException {
        boolean breaks = holdsLineBreak(arguments);
        if (alone || breaks && !pending.isEmpty()) {
            throw new IllegalStateException("a guestfish command whose arguments hold a line break must run alone"
                    + " in its sync (" + verb + ")");
        }
        Pending call = callRaw(commandLine(verb, arguments));
        alone = breaks;
        return call;
    }

    /** True when the command, quoted, fits on one guestfish line. */
    static boolean fits(final String verb, final byte[]... arguments) {
        return commandLine(verb, arguments).length() + 1 <= MAX_LINE; // the "-" in front
    }

    /** True when the command with text arguments (sent as UTF-8), quoted, fits on one guestfish line. */
    static boolean fitsText(final String verb, final String... arguments) {
        return fits(verb, utf8(arguments));
    }

    /** True when an argument holds a byte that ends a line where guestfish's error messages are read. */
    static boolean holdsLineBreak(final byte[]... arguments) {
        for (byte[] argument : arguments) {
            for (byte b : argument) {
                if (b == '\n' || b == '\r') {
                    return true;
                }
            }
        }
        return false;
    }

    private static String commandLine(final String verb, final byte[]... arguments) {
        StringBuilder command = new StringBuilder(verb);
        for (byte[] argument : arguments) {
            command.append(' ').append(quote(argument));
        }
        return command.toString();
    }

    /**
     * Queues a command line built only from trusted tokens (optional arguments such as {@code readonly:true}) and
     * quoted arguments.
     *
     * @throws GuestfishException if the line is longer than guestfish reads as one; nothing is sent then
     */
    Pending callRaw(final String command) throws GuestfishException {
        if (command.length() + 1 > MAX_LINE || command.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new GuestfishException("cannot send a guestfish command of " + (command.length() + 1)
                    + " characters (" + command.substring(0, Math.min(command.length(), 40)).replaceAll(
                    "\\p{Cntrl}", "?") + "...): guestfish reads at most " + MAX_LINE + " as one line", false);
        }
        Pending call = new Pending(++line, pending.size());
        write("-" + command + "\n");
        line++;
        write("echo " + marker + "\n");
        pending.add(call);
        return call;
    }

    /**
     * Waits until every queued command has run and hands out their output and errors.
     *
     * @throws GuestfishException if guestfish died or the deadline passed
     */
    Replies sync() throws GuestfishException {
        line++;
        write("!echo " + marker + " >&2\n");
        flush();
        Replies replies = ReplyReader.read(pending, marker, this::nextStdoutLine, this::nextStderrLine);
        pending.clear();
        alone = false;
        return replies;
    }

    private String nextStdoutLine() throws GuestfishException {
        String text;
        try {
            text = stdout.readLine();
        }
        catch (IOException exception) {
            throw died(exception.getMessage());
        }
        if (text == null) {
            throw died("its output ended");
        }
        return text;
    }

    private String nextStderrLine() throws GuestfishException {
        try {
            String text = stderrLines.take();
            if (END_OF_STREAM.equals(text)) {
                throw died("its error output ended");
            }
            return text;
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            processes.kill(process);
            throw new GuestfishException("interrupted", exception);
        }
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                synchronized (stderrTail) {
                    stderrTail.addLast(text);
                    if (stderrTail.size() > STDERR_TAIL) {
                        stderrTail.removeFirst();
                    }
                }
                stderrLines.add(text);
            }
        }
        catch (IOException exception) {
            // the process was killed; the reader below sees the end of the stream
        }
        stderrLines.add(END_OF_STREAM);
    }

    private GuestfishException died(final String why) {
        processes.kill(process);
        if (timedOut.get()) {
            return new GuestfishException("guestfish did not finish within " + timeout.toSeconds()
                    + " s and was killed with its appliance", true);
        }
        return new GuestfishException("guestfish stopped unexpectedly (" + why + "): " + stderrTail(), false);
    }

    /** The last lines guestfish wrote to its error output, for messages. */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    private void write(final String text) throws GuestfishException {
        try {
            stdin.write(text);
        }
        catch (IOException exception) {
            throw died("cannot write to it: " + exception.getMessage());
        }
    }

    private void flush() throws GuestfishException {
        try {
            stdin.flush();
        }
        catch (IOException exception) {
            throw died("cannot write to it: " + exception.getMessage());
        }
    }

    /** The argument as text, sent as its UTF-8 bytes. */
    static String quote(final String argument) {
        return quote(argument.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A guestfish double-quoted string that guestfish reads back as exactly these bytes: printable ASCII as it is
     * ({@code "} and {@code \} escaped), every other byte as {@code \xHH}. The result is printable ASCII only.
     *
     * @throws IllegalArgumentException for a NUL byte, which guestfish cannot take (and no file name holds)
     */
    static String quote(final byte[] argument) {
        StringBuilder quoted = new StringBuilder(argument.length + 2).append('"');
        for (byte b : argument) {
            int c = b & 0xff;
            if (c == 0) {
                throw new IllegalArgumentException("a NUL byte cannot be passed to guestfish");
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            }
            else if (c >= 0x20 && c < 0x7f) {
                quoted.append((char) c);
            }
            else {
                quoted.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        if (process.isAlive()) {
            try {
                stdin.write("exit\n");
                stdin.close();
                if (process.waitFor(30, TimeUnit.SECONDS)) {
                    return;
                }
            }
            catch (IOException exception) {
                // already gone: killed below to be sure its children went too
            }
            catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
            }
        }
        processes.kill(process);
    }

    /** A queued command: its guestfish input line (errors are reported against it) and its place in the batch. */
    record Pending(int line, int index) {
    }

    /** The output lines and error of each command of one {@link #sync()}. */
    static final class Replies {
        private final List<Pending> calls;
        private final List<List<String>> outputs;
        private final Map<Integer, String> errors;

        Replies(final List<Pending> calls, final List<List<String>> outputs, final Map<Integer, String> errors) {
            this.calls = calls;
            this.outputs = outputs;
            this.errors = errors;
        }

        List<String> output(final Pending call) {
            return outputs.get(call.index());
        }

        boolean failed(final Pending call) {
            return errors.containsKey(call.line());
        }

        String error(final Pending call) {
            return errors.getOrDefault(call.line(), "");
        }

        int size() {
            return calls.size();
        }
    }
}
