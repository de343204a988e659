package io.github.guestinspect.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts child processes and makes sure none outlives its caller: every process is killed with all its
 * descendants (qemu included) on time-out, on interruption, when it is closed, and when the JVM shuts down
 * (SIGINT, SIGTERM). Killing also removes the appliance sockets libguestfs would have removed, and closing (or the
 * shutdown) deletes the run directories registered with {@link #deleteWhenClosed}. Once closed or shutting down,
 * no new process is started, so a batch retried meanwhile cannot leave one behind.
 */
public final class ChildProcesses implements AutoCloseable {
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::shutDown, "guest-inspect-kill-children");
    private final Consumer<String> notices;
    private volatile boolean closed;
    private volatile boolean shuttingDown;

    public ChildProcesses() {
        this(notice -> { });
    }

    /**
     * @param notices where the shutdown (SIGINT, SIGTERM) says what it stopped; it runs in a shutdown hook, so it must
     *                not wait for anything
     */
    public ChildProcesses(final Consumer<String> notices) {
        this.notices = notices;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a process whose streams the caller reads; the caller must {@link #kill} or wait for it. */
    Process start(final List<String> command, final Map<String, String> environment, final Path directory)
            throws IOException {
        if (closed) {
            throw new IOException("guest-inspect is stopping: '" + ProcessOutput.describe(command)
                    + "' was not started");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        live.add(process);
        process.onExit().thenRun(() -> live.remove(process));
        if (closed) { // closed while it started: killAll may have missed it
            kill(process);
            throw new IOException("guest-inspect is stopping: '" + ProcessOutput.describe(command)
                    + "' was stopped at once");
        }
        return process;
    }

    /** Deletes a directory (a run's working directory) once every process is killed, on close or at shutdown. */
    void deleteWhenClosed(final Path directory) {
        directories.add(directory);
        if (closed) { // closed meanwhile: killAll may have missed it
            RunDirectory.deleteTree(directory);
        }
    }

    /** True once closed or shutting down: no process is started any more. */
    boolean isClosed() {
        return closed;
    }

    /** True once the JVM has begun to shut down (SIGINT, SIGTERM): results from now on are not to be trusted. */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Runs a command to completion with a time limit and collects its output.
     *
     * @throws IOException      if it cannot be started (with the command in the message)
     * @throws TimeoutException if it did not finish in time (it was killed with its descendants)
     */
    ProcessOutput run(final List<String> command, final Map<String, String> environment, final Path directory,
                      final Duration timeout) throws IOException, TimeoutException, InterruptedException {
        Process process = start(command, environment, directory);
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new TimeoutException("'" + ProcessOutput.describe(command) + "' did not finish within "
                        + timeout.toSeconds() + " s and was killed");
            }
            return new ProcessOutput(process.exitValue(), stdout.get(), stderr.get());
        }
        catch (ExecutionException exception) {
            throw new IOException("Could not read the output of '" + ProcessOutput.describe(command) + "'",
                    exception.getCause());
        }
        finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    private static CompletableFuture<String> drain(final InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            }
            catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        });
    }

    /**
     * Kills a process and every descendant, children first so none is re-parented and missed, then removes the
     * appliance socket directories they used (a killed guestfish cannot).
     */
    void kill(final Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        Set<Path> sockets = ProcessFacts.socketDirectories(tree.stream());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        List<ProcessHandle> late = process.descendants().toList(); // started meanwhile
        late.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle descendant : tree) {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException exception) {
            // a descendant that will not go within 10 s was sent SIGKILL: it goes when the kernel lets it
        }
        live.remove(process);
        ProcessFacts.deleteSocketDirectories(sockets);
    }

    /** How many started processes are still running. */
    public int liveCount() {
        return live.size();
    }

    /** Kills every process, then deletes the registered directories. */
    private int killAll() {
        closed = true;
        int killed = 0;
        for (Process process : live) {
            kill(process);
            killed++;
        }
        directories.forEach(RunDirectory::deleteTree);
        return killed;
    }

    private void shutDown() {
        shuttingDown = true;
        int killed = killAll();
        if (killed > 0) {
            notices.accept("stopping: killed " + killed + " child process" + (killed == 1 ? "" : "es")
                    + " with all they started (guestfish, qemu); temporary files removed");
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException exception) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
