package io.github.guestinspect.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that made a run directory or a temporary file, written into its name so that a later run can tell
 * what a killed process left behind from what a live one is still writing. A pid alone would not do: pids are
 * reused, and a directory may be shared by containers (their own pid namespaces) or machines (network file
 * systems). So the owner is its pid, its start time, and its host: a hash of the kernel's boot id and the pid
 * namespace. An owner is judged dead only on the same host; anything else is never taken for dead.
 *
 * @param host        8 hex digits naming the boot and pid namespace; {@link #UNKNOWN_HOST} where /proc is missing
 * @param pid         the process id
 * @param startMillis when the process started, in milliseconds since the epoch
 */
public record RunOwner(String host, long pid, long startMillis) {
    /** The host of a process whose boot id or pid namespace could not be read: never judged. */
    public static final String UNKNOWN_HOST = "00000000";
    /** How far two readings of one process' start time may differ (the kernel's boot time drifts by a second). */
    private static final long START_TOLERANCE_MILLIS = 2_000;
    private static final Pattern TOKEN = Pattern.compile("([0-9a-f]{8})\\.(\\d{1,10})\\.(\\d{1,15})");
    private static final String HOST = readHost();
    private static final RunOwner CURRENT = of(ProcessHandle.current()).orElse(
            new RunOwner(UNKNOWN_HOST, ProcessHandle.current().pid(), 0));

    public RunOwner {
        if (!host.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("host must be 8 hex digits: " + host.replaceAll("\\p{Cntrl}", "?"));
        }
    }

    /** This process. */
    public static RunOwner current() {
        return CURRENT;
    }

    /** A process of this host, while it runs; empty when it has ended or its start time cannot be read. */
    static Optional<RunOwner> of(final ProcessHandle process) {
        return process.info().startInstant().map(start -> new RunOwner(HOST, process.pid(),
                start.toEpochMilli()));
    }

    /** The owner's part of a name: {@code HOST.PID.START}, made of {@code [0-9a-f.]} only. */
    public String token() {
        return host + "." + pid + "." + startMillis;
    }

    /** The owner whose token follows the prefix in a name, if the name is so made. */
    public static Optional<RunOwner> inName(final String name, final String prefix) {
        if (!name.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(name).region(prefix.length(), name.length());
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new RunOwner(matcher.group(1), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3))));
    }

    /**
     * True only when this owner is known to be gone: it ran on this host, and no process with its pid runs any more,
     * or the one that does started at another time (the pid was reused). An owner of another host, or one whose
     * host is unknown, is never dead: what it left is not this process' to judge.
     */
    public boolean isDead() {
        if (UNKNOWN_HOST.equals(host) || !host.equals(HOST)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return start.isPresent() && Math.abs(start.get().toEpochMilli() - startMillis) > START_TOLERANCE_MILLIS;
    }

    /** When the owner started. */
    public Instant started() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** This host: the boot id and this process' pid namespace, hashed; {@link #UNKNOWN_HOST} without /proc. */
    private static String readHost() {
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                    .strip();
            String namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((boot + "/" + namespace)
                    .getBytes(StandardCharsets.US_ASCII));
            String host = HexFormat.of().formatHex(digest, 0, 4);
            return UNKNOWN_HOST.equals(host) ? "00000001" : host;
        }
        catch (IOException | UnsupportedOperationException | SecurityException exception) {
            return UNKNOWN_HOST;
        }
        catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available", exception);
        }
    }
}
