package io.github.guestinspect.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one batch of checked images through one guestfish process and appliance. Each batch works in a directory
 * of its own inside the run's directory ({@link RunDirectory}), which is also libguestfs' temporary directory, so a
 * finished or interrupted run leaves nothing behind; a new runner first cleans up after runs that were killed.
 */
public final class LibguestfsRunner {
    /** Bumped whenever what is read from an image, or how, changes: cached results of older readers are ignored. */
    public static final String READER_VERSION = "2"; // 2: /etc files checked before they are read (factNotes)

    private static final String BACKEND_SETTINGS = "LIBGUESTFS_BACKEND_SETTINGS";

    private final ChildProcesses processes;
    private final RunnerSettings settings;
    private final Consumer<String> warnings;
    /** Set once KVM aborted a launch: later batches of this run go straight to software emulation. */
    private final AtomicBoolean softwareEmulation = new AtomicBoolean();
    /** This run's directory in the temporary root, made by the first batch. */
    private Path runDirectory;

    /**
     * Cleans up after killed runs in the temporary root (saying so to {@code warnings}), then stands ready.
     *
     * @param processes where child processes are registered (and killed)
     * @param settings  how appliances are launched
     * @param warnings  where the runner says what it chose or did for the user (falling back to TCG, a clean-up)
     */
    public LibguestfsRunner(final ChildProcesses processes, final RunnerSettings settings,
                            final Consumer<String> warnings) {
        this.processes = processes;
        this.settings = settings;
        this.warnings = warnings;
        RunDirectory.Cleanup cleanup = RunDirectory.cleanDeadRuns(settings.temporaryRoot());
        if (!cleanup.isEmpty()) {
            warnings.accept(cleanup.describe());
        }
    }

    /**
     * Inspects the images in one appliance.
     *
     * @throws ToolMissingException if guestfish is not installed
     * @throws GuestfishException   if the appliance failed as a whole (launch error, time-out, crash)
     */
    public BatchOutcome inspect(final List<ProbedImage> images)
            throws ToolMissingException, GuestfishException, InterruptedException {
        try {
            return inspect(images, softwareEmulation.get());
        }
        catch (GuestfishException exception) {
            if (softwareEmulation.get() || !LaunchHints.isKvmAbort(exception.getMessage())
                    || backendSettings().contains("force_tcg")) {
                throw exception;
            }
            if (softwareEmulation.compareAndSet(false, true)) {
                warnings.accept("KVM aborted the appliance (nested virtualisation is often broken); using software"
                        + " emulation (" + BACKEND_SETTINGS + "=force_tcg) from now on");
            }
            return inspect(images, true);
        }
    }

    /** The standard hygiene set and the extra queries, each once. */
    private List<String> queries() {
        Set<String> queries = new LinkedHashSet<>(FileProbe.STANDARD_QUERIES);
        queries.addAll(settings.fileQueries());
        return List.copyOf(queries);
    }

    private String backendSettings() {
        return settings.environment().getOrDefault(BACKEND_SETTINGS,
                System.getenv().getOrDefault(BACKEND_SETTINGS, ""));
    }

    private BatchOutcome inspect(final List<ProbedImage> images, final boolean forceTcg)
            throws ToolMissingException, GuestfishException, InterruptedException {
        Path work = createWorkDirectory();
        try {
            Map<String, String> environment = new HashMap<>(settings.environment());
            environment.put("LIBGUESTFS_TMPDIR", Files.createDirectories(work.resolve("tmp")).toString());
            Path run = work.getParent();
            if (run == null) { // a batch directory always lies in its run's directory
                throw new IllegalStateException("the batch directory " + work + " has no run directory");
            }
            environment.put(RunDirectory.VARIABLE, run.toString());
            environment.put("LC_ALL", "C");
            if (forceTcg) {
                String current = backendSettings();
                environment.put(BACKEND_SETTINGS, current.isEmpty() ? "force_tcg" : current + ":force_tcg");
            }
            try (GuestfishSession session = GuestfishSession.start(processes, environment, work,
                    settings.batchTimeout())) {
                return new ApplianceBatch(session, images, work, queries()).run(settings);
            }
        }
        catch (IOException exception) {
            throw new GuestfishException("Cannot use the working directory " + work + ": " + exception.getMessage(),
                    exception);
        }
        finally {
            RunDirectory.deleteTree(work); // a leftover temporary directory is not worth failing an inspection for
            if (Thread.interrupted()) {
                throw new InterruptedException("inspection interrupted");
            }
        }
    }

    private Path createWorkDirectory() throws GuestfishException {
        try {
            return Files.createTempDirectory(runDirectory(), "guest-inspect-batch-");
        }
        catch (IOException exception) {
            throw new GuestfishException("Cannot create a working directory in " + settings.temporaryRoot() + ": "
                    + exception.getMessage(), exception);
        }
    }

    /** The run's directory, made on first use and deleted when the processes are closed. */
    private synchronized Path runDirectory() throws IOException {
        if (processes.isClosed()) {
            throw new IOException("guest-inspect is stopping");
        }
        if (runDirectory == null) {
            runDirectory = RunDirectory.create(settings.temporaryRoot());
            processes.deleteWhenClosed(runDirectory);
        }
        return runDirectory;
    }
}
