package io.github.guestinspect.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Killing a process tree leaves nothing: no descendant, no appliance socket directory, no run directory. */
class ChildProcessesTest {
    @TempDir
    Path directory;

    @Test
    void shouldKillTheWholeTreeAndRemoveTheApplianceSocketsItNamed() throws Exception {
        Path sockets = Files.createDirectories(directory.resolve("libguestfsXy34Zw"));
        Files.writeString(sockets.resolve("guestfsd.sock"), "");
        Path unrelated = Files.createDirectories(directory.resolve("libguestfsQq99Qq"));
        try (ChildProcesses processes = new ChildProcesses()) {
            Process guestfish = processes.start(List.of("bash", "-c", "bash -c 'sleep 600; :' qemu"
                    + " \"socket,path=$SOCKETS/guestfsd.sock,id=channel0\" & wait"),
                    Map.of("SOCKETS", sockets.toString()), directory);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (guestfish.descendants().count() < 2) { // the inner bash and its sleep
                assertThat(Instant.now()).as("the stand-in started its appliance").isBefore(deadline);
                Thread.sleep(20); // polling for a condition, with a deadline
            }
            List<ProcessHandle> tree = guestfish.descendants().toList();

            processes.kill(guestfish);

            assertThat(guestfish.isAlive()).isFalse();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(processes.liveCount()).isZero();
        }
        assertThat(sockets).doesNotExist();
        assertThat(unrelated).isDirectory();
    }

    @Test
    void shouldDeleteRegisteredDirectoriesWhenClosedAndStartNothingAfterwards() throws IOException {
        Path run = Files.createDirectories(directory.resolve("run/batch/tmp"));
        ChildProcesses processes = new ChildProcesses();
        processes.deleteWhenClosed(run.getParent().getParent());
        Process sleeping = processes.start(List.of("sleep", "600"), Map.of(), directory);

        processes.close();

        assertThat(sleeping.isAlive()).isFalse();
        assertThat(directory.resolve("run")).doesNotExist();
        assertThat(processes.isClosed()).isTrue();
        assertThat(processes.isShuttingDown()).as("closing is not a shutdown").isFalse();
        assertThatThrownBy(() -> processes.start(List.of("sleep", "600"), Map.of(), directory))
                .isInstanceOf(IOException.class).hasMessageContaining("stopping").hasMessageContaining("sleep 600");
    }
}
