package io.jenkins.plugins.guestinspect.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch's request and reply as they cross the channel: Smile both ways, and a reply that fails on the controller
 * as the runner would have failed on the agent.
 */
class BatchMessagesTest {
    static final BatchOutcome OUTCOME = new BatchOutcome(List.of(
            new DriveOutcome(Fixtures.debian("a.qcow2", false, "bash").operatingSystems(), Optional.empty(), 5, 6),
            new DriveOutcome(List.of(), Optional.of("cannot mount /dev/sdb1"), 1, 0)), 20_000, "1.48.6");

    @Test
    void shouldCarryTheImagesWithTheirFormatsTheTimeoutAndTheFileQueries() throws Exception {
        BatchRequest request = new BatchRequest(List.of(new ProbedImage(Path.of("/agent/in/0/a b.vmdk"),
                new ImageFile("out/a b.vmdk", "a b.vmdk", 4096), new DiskInfo(DiskFormat.VMDK, 1 << 30,
                Optional.empty()), 12)), 900, List.of("/etc/motd", "/etc/ssh/*.pub"));

        BatchRequest decoded = BatchRequest.decode(request.encode());

        assertThat(decoded).isEqualTo(request);
        assertThat(decoded.images().get(0).path()).isEqualTo(Path.of("/agent/in/0/a b.vmdk"));
        assertThat(decoded.images().get(0).disk().format()).as("never probed again on the agent")
                .isEqualTo(DiskFormat.VMDK);
    }

    @Test
    void shouldHandTheOutcomeOverWithTheWarnings() throws Exception {
        BatchReply reply = BatchReply.decode(BatchReply.of(OUTCOME, List.of("falling back to TCG")).encode());

        assertThat(reply.outcomeOrThrow()).isEqualTo(OUTCOME);
        assertThat(reply.warnings()).containsExactly("falling back to TCG");
    }

    @Test
    void shouldThrowAMissingProgramAsToolMissingException() throws Exception {
        BatchReply reply = BatchReply.decode(BatchReply.of(new ToolMissingException("guestfish (libguestfs)"),
                List.of()).encode());

        assertThat(reply.missingProgram()).contains("guestfish (libguestfs)");
        assertThatThrownBy(reply::outcomeOrThrow).isInstanceOfSatisfying(ToolMissingException.class, exception ->
                assertThat(exception.program()).isEqualTo("guestfish (libguestfs)"));
    }

    @Test
    void shouldThrowAnApplianceFailureAsGuestfishExceptionAndKeepWhetherItTimedOut() throws Exception {
        for (boolean timedOut : new boolean[] {true, false}) {
            BatchReply reply = BatchReply.decode(BatchReply.of(new GuestfishException("appliance killed after 900 s",
                    timedOut), List.of("warning")).encode());

            assertThatThrownBy(reply::outcomeOrThrow).isInstanceOfSatisfying(GuestfishException.class, exception -> {
                assertThat(exception).hasMessage("appliance killed after 900 s");
                assertThat(exception.isTimedOut()).isEqualTo(timedOut);
            });
            assertThat(reply.warnings()).containsExactly("warning");
        }
    }

    @Test
    void shouldHoldEitherAnOutcomeOrAFailure() {
        assertThatThrownBy(() -> new BatchReply(Optional.of(OUTCOME), Optional.of("qemu-img"), Optional.empty(),
                false, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchReply(Optional.of(OUTCOME), Optional.empty(), Optional.of("crashed"),
                false, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchReply(Optional.empty(), Optional.empty(), Optional.empty(), false,
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not neither");
    }
}
