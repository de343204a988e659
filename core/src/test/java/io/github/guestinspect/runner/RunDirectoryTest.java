package io.github.guestinspect.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-up after killed runs, with real processes standing in for a dead run's guestfish and qemu: those that
 * carry the dead run's directory (or work in it) are killed, its directory and appliance sockets deleted; a live
 * run's directory and processes, and every other process, stay.
 */
class RunDirectoryTest {
    private static final RunOwner CURRENT = RunOwner.current();

    @TempDir
    Path root;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void shouldKillWhatADeadRunLeftAndDeleteItsDirectoryButLeaveALiveRunAlone() throws Exception {
        RunOwner dead = new RunOwner(CURRENT.host(), CURRENT.pid(), CURRENT.startMillis() - 3_600_000);
        Path deadRun = Files.createDirectories(root.resolve(RunDirectory.PREFIX + dead.token() + "-17"));
        Path batch = Files.createDirectories(deadRun.resolve("guest-inspect-batch-1/tmp"));
        Path sockets = Files.createDirectories(root.resolve("libguestfsAb12Cd"));
        Files.writeString(sockets.resolve("guestfsd.sock"), "");
        Path liveRun = RunDirectory.create(root);
        Path foreignRun = Files.createDirectories(root.resolve(RunDirectory.PREFIX + otherHost() + ".1.1-5"));

        Process guestfish = start(deadRun, batch, "sleep 600 & wait");
        Process qemu = start(deadRun, batch, "bash -c 'sleep 600; :' qemu \"socket,path=" + sockets
                + "/guestfsd.sock,id=channel0\" & wait");
        Process inside = start(null, batch, "sleep 600 & wait");
        Process live = start(liveRun, liveRun, "sleep 600 & wait");
        Process unrelated = start(null, root, "sleep 600 & wait");
        awaitChildren(List.of(guestfish, qemu, inside, live, unrelated));
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (Process process : List.of(guestfish, qemu, inside)) {
            leftovers.add(process.toHandle());
            leftovers.addAll(process.descendants().toList());
        }

        RunDirectory.Cleanup cleanup = RunDirectory.cleanDeadRuns(root);

        assertThat(leftovers).hasSize(7).noneMatch(ProcessHandle::isAlive);
        assertThat(deadRun).doesNotExist();
        assertThat(sockets).doesNotExist();
        assertThat(cleanup.owners()).containsExactly(dead);
        assertThat(cleanup.processes()).isEqualTo(7);
        assertThat(cleanup.describe()).isEqualTo("cleaned up after a killed guest-inspect run (pid " + dead.pid()
                + " started " + dead.started() + "): 7 leftover processes killed, 1 temporary directory deleted");
        assertThat(List.of(live, unrelated)).allMatch(Process::isAlive);
        assertThat(live.descendants()).isNotEmpty().allMatch(ProcessHandle::isAlive);
        assertThat(liveRun).isDirectory();
        assertThat(foreignRun).isDirectory();
        assertThat(RunDirectory.cleanDeadRuns(root).isEmpty()).as("nothing left to clean").isTrue();
    }

    @Test
    void shouldFindNothingInAMissingRootAndNameTheOwnerInTheDirectory() throws IOException {
        assertThat(RunDirectory.cleanDeadRuns(root.resolve("missing")).isEmpty()).isTrue();

        Path created = RunDirectory.create(root.resolve("new"));

        assertThat(created.getParent()).isEqualTo(root.resolve("new"));
        assertThat(RunDirectory.ownerOf(created)).contains(CURRENT);
        assertThat(RunDirectory.cleanDeadRuns(root.resolve("new")).isEmpty()).isTrue();
        assertThat(created).isDirectory();
    }

    /** A bash that runs the script in a working directory, carrying a run directory in its environment if given. */
    private Process start(final Path run, final Path workingDirectory, final String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(workingDirectory.toFile());
        builder.environment().remove(RunDirectory.VARIABLE);
        if (run != null) {
            builder.environment().put(RunDirectory.VARIABLE, run.toString());
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitChildren(final List<Process> processes) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (processes.stream().anyMatch(process -> process.children().findAny().isEmpty())) {
            assertThat(Instant.now()).as("the test processes started their children").isBefore(deadline);
            Thread.sleep(20); // polling for a condition, with a deadline
        }
    }

    private static String otherHost() {
        return CURRENT.host().equals("12345678") ? "87654321" : "12345678";
    }
}
