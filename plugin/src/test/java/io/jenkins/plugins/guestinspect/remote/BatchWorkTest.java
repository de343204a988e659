package io.jenkins.plugins.guestinspect.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.ToolMissingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One batch on an agent, with a runner that stands in for the appliance and records what it was given. */
class BatchWorkTest {
    private static final List<ProbedImage> IMAGES = List.of(new ProbedImage(Path.of("/agent/in/0/a.qcow2"),
            new ImageFile("out/a.qcow2", "a.qcow2", 1024), new DiskInfo(DiskFormat.QCOW2, 1 << 20,
            Optional.empty()), 3));

    private final List<String> log = new ArrayList<>();
    private final AtomicReference<RunnerSettings> settings = new AtomicReference<>();
    private final AtomicReference<List<ProbedImage>> images = new AtomicReference<>();

    @Test
    void shouldRunTheBatchWithTheRequestedTimeoutAndFileQueries() throws Exception {
        BatchWork work = new BatchWork((batch, given, warnings) -> {
            images.set(batch);
            settings.set(given);
            return BatchMessagesTest.OUTCOME;
        });

        BatchReply reply = work.run(new BatchRequest(IMAGES, 900, List.of("/etc/motd")), log::add);

        assertThat(images.get()).isEqualTo(IMAGES);
        assertThat(settings.get().batchTimeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(settings.get().fileQueries()).containsExactly("/etc/motd");
        assertThat(reply.outcomeOrThrow()).isEqualTo(BatchMessagesTest.OUTCOME);
        assertThat(reply.warnings()).isEmpty();
    }

    @Test
    void shouldLogEachWarningAsItHappensAndKeepItInTheReply() throws Exception {
        List<String> loggedBeforeTheRunnerReturned = new ArrayList<>();
        BatchWork work = new BatchWork((batch, given, warnings) -> {
            warnings.accept("KVM is not available: falling back to TCG");
            loggedBeforeTheRunnerReturned.addAll(log);
            return BatchMessagesTest.OUTCOME;
        });

        BatchReply reply = work.run(new BatchRequest(IMAGES, 60, List.of()), log::add);

        assertThat(loggedBeforeTheRunnerReturned).containsExactly("KVM is not available: falling back to TCG");
        assertThat(reply.warnings()).containsExactly("KVM is not available: falling back to TCG");
    }

    @Test
    void shouldReplyThatLibguestfsIsMissingWithTheWarningsSoFar() throws Exception {
        BatchWork work = new BatchWork((batch, given, warnings) -> {
            warnings.accept("no /dev/kvm");
            throw new ToolMissingException("guestfish (libguestfs)");
        });

        BatchReply reply = work.run(new BatchRequest(IMAGES, 60, List.of()), log::add);

        assertThat(reply.missingProgram()).contains("guestfish (libguestfs)");
        assertThat(reply.warnings()).containsExactly("no /dev/kvm");
        assertThatThrownBy(reply::outcomeOrThrow).isInstanceOf(ToolMissingException.class);
    }

    @Test
    void shouldReplyThatTheApplianceFailedAndWhetherItTimedOut() throws Exception {
        BatchWork work = new BatchWork((batch, given, warnings) -> {
            throw new GuestfishException("guestfish timed out after 60 s", true);
        });

        BatchReply reply = work.run(new BatchRequest(IMAGES, 60, List.of()), log::add);

        assertThat(reply.applianceFailure()).contains("guestfish timed out after 60 s");
        assertThat(reply.timedOut()).isTrue();
        assertThat(reply.outcome()).isEmpty();
    }

    @Test
    void shouldLetAnInterruptionThrough() {
        BatchWork work = new BatchWork((batch, given, warnings) -> {
            throw new InterruptedException("the build was aborted");
        });

        assertThatThrownBy(() -> work.run(new BatchRequest(IMAGES, 60, List.of()), log::add))
                .isInstanceOf(InterruptedException.class);
    }
}
