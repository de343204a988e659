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

/**
 * Starts child processes and makes sure none outlives its caller: every process is killed with all its
 * descendants (qemu included) on time-out, on interruption, when it is closed, and when the JVM shuts down.
 */
public final class ChildProcesses implements AutoCloseable {
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::killAll, "guest-inspect-kill-children");

    public ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a process whose streams the caller reads; the caller must {@link #kill} or wait for it. */
    Process start(final List<String> command, final Map<String, String> environment, final Path directory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        live.add(process);
        process.onExit().thenRun(() -> live.remove(process));
        return process;
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

    /** Kills a process and every descendant, children first so none is re-parented and missed. */
    void kill(final Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        live.remove(process);
    }

    /** How many started processes are still running. */
    public int liveCount() {
        return live.size();
    }

    private void killAll() {
        live.forEach(this::kill);
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
