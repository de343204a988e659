package io.github.guestinspect.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run's own directory in the temporary root, named after its owner ({@link RunOwner}): every batch of the run
 * works inside it (it is libguestfs' LIBGUESTFS_TMPDIR too), and every guestfish the run starts, with all that
 * guestfish starts (qemu), carries its path in the environment variable {@value #VARIABLE}.
 *
 * <p>A run that ends normally or by SIGINT/SIGTERM deletes its directory ({@link ChildProcesses} does, after killing
 * its processes). One killed with SIGKILL, or whose machine went down, cannot: so every new runner first calls
 * {@link #cleanDeadRuns}, which looks for directories whose owner is known to be dead, kills the processes that
 * still carry such a directory (or work in it), removes the appliance sockets they used, and deletes the
 * directories. A directory whose owner is alive, or cannot be judged (another host or container), is never touched,
 * and neither is any process that does not carry a dead run's directory.
 */
public final class RunDirectory {
    /** The environment variable that ties a process to its run's directory. */
    public static final String VARIABLE = "GUEST_INSPECT_RUN";
    static final String PREFIX = "guest-inspect-run-";
    private static final int KILL_ROUNDS = 3;
    private static final long EXIT_WAIT_SECONDS = 10;

    private RunDirectory() {
    }

    /** Creates a new run directory for this process under the root (created if missing). */
    static Path create(final Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, PREFIX + RunOwner.current().token() + "-");
    }

    /** The owner of a run directory, if it is one. */
    static Optional<RunOwner> ownerOf(final Path directory) {
        return RunOwner.inName(String.valueOf(directory.getFileName()), PREFIX);
    }

    /**
     * Finds the run directories of dead owners in the root, kills the processes still working for them and deletes
     * them. Never fails: what cannot be listed, killed or deleted stays for a later run.
     */
    public static Cleanup cleanDeadRuns(final Path root) {
        List<Path> dead = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && ownerOf(entry).map(RunOwner::isDead).orElse(false)) {
                    dead.add(entry);
                }
            }
        }
        catch (IOException | UncheckedIOException exception) {
            return Cleanup.NONE; // no root yet, or not readable: nothing of ours can be there
        }
        if (dead.isEmpty()) {
            return Cleanup.NONE;
        }
        int killed = 0;
        for (int round = 0; round < KILL_ROUNDS; round++) { // a leftover may have started a child meanwhile
            List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                    .filter(process -> process.pid() != ProcessHandle.current().pid())
                    .filter(process -> dead.stream().anyMatch(directory -> worksFor(process, directory)))
                    .toList();
            if (leftovers.isEmpty()) {
                break;
            }
            Set<Path> sockets = ProcessFacts.socketDirectories(leftovers.stream());
            leftovers.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : leftovers) {
                try {
                    process.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
                }
                catch (Exception exception) { // an exit we cannot wait for is checked by the next round
                    if (exception instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            ProcessFacts.deleteSocketDirectories(sockets);
            killed += leftovers.size();
        }
        int deleted = 0;
        for (Path directory : dead) {
            if (deleteTree(directory)) {
                deleted++;
            }
        }
        return new Cleanup(dead.stream().map(directory -> ownerOf(directory).orElseThrow()).distinct().toList(),
                killed, deleted);
    }

    /** True when the process carries the run directory in its environment, or works inside it. */
    private static boolean worksFor(final ProcessHandle process, final Path directory) {
        if (ProcessFacts.hasVariable(process, VARIABLE, directory.toString())) {
            return true;
        }
        Optional<Path> workingDirectory = ProcessFacts.workingDirectory(process);
        return workingDirectory.isPresent() && (workingDirectory.get().startsWith(directory)
                || workingDirectory.get().startsWith(realPath(directory)));
    }

    private static Path realPath(final Path directory) {
        try {
            return directory.toRealPath();
        }
        catch (IOException exception) {
            return directory;
        }
    }

    /** Deletes a directory tree; true when it is gone. A leftover is not worth failing anything for. */
    static boolean deleteTree(final Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException exception) {
            return !Files.exists(directory, LinkOption.NOFOLLOW_LINKS);
        }
        return true;
    }

    /**
     * What {@link #cleanDeadRuns} found and removed.
     *
     * @param owners      the dead runs' owners
     * @param processes   leftover processes killed
     * @param directories run directories deleted
     */
    public record Cleanup(List<RunOwner> owners, int processes, int directories) {
        static final Cleanup NONE = new Cleanup(List.of(), 0, 0);

        public Cleanup {
            owners = List.copyOf(owners);
        }

        public boolean isEmpty() {
            return owners.isEmpty();
        }

        /** One line for the user, such as "cleaned up after a killed run (pid 41 ...): 3 processes killed, ...". */
        public String describe() {
            String runs = owners.size() == 1 ? "a killed guest-inspect run"
                    : owners.size() + " killed guest-inspect runs";
            String pids = owners.stream().map(owner -> owner.pid() + " started " + owner.started())
                    .collect(Collectors.joining(", "));
            return "cleaned up after " + runs + " (pid " + pids + "): " + processes + " leftover process"
                    + (processes == 1 ? "" : "es") + " killed, " + directories + " temporary director"
                    + (directories == 1 ? "y" : "ies") + " deleted";
        }
    }
}
