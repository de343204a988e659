package io.github.guestinspect.runner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telling a dead owner from a live one, and never judging one that cannot be judged. */
class RunOwnerTest {
    private static final RunOwner CURRENT = RunOwner.current();

    @Test
    void shouldKnowThisProcessItsHostAndStartTime() {
        assertThat(CURRENT.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(CURRENT.host()).matches("[0-9a-f]{8}").isNotEqualTo(RunOwner.UNKNOWN_HOST);
        assertThat(CURRENT.started()).isEqualTo(ProcessHandle.current().info().startInstant().orElseThrow());
        assertThat(CURRENT.isDead()).isFalse();
    }

    @Test
    void shouldReadItsTokenBackOnlyRightAfterTheExpectedPrefix() {
        String name = ".guest-inspect-" + CURRENT.token() + "-1f2e.tmp";

        assertThat(RunOwner.inName(name, ".guest-inspect-")).contains(CURRENT);
        assertThat(RunOwner.inName(name, ".other-")).isEmpty();
        assertThat(RunOwner.inName("x" + name, ".guest-inspect-")).isEmpty();
        assertThat(RunOwner.inName(".guest-inspect-12345.tmp", ".guest-inspect-")).isEmpty();
        assertThat(CURRENT.token()).matches("[0-9a-f.]+");
    }

    @Test
    void shouldTakeAnOwnerWhoseProcessEndedForDead() throws Exception {
        Process process = new ProcessBuilder("sleep", "30").start();
        RunOwner owner = RunOwner.of(process.toHandle()).orElseThrow();
        assertThat(owner.isDead()).as("while it runs").isFalse();

        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(owner.isDead()).isTrue();
    }

    @Test
    void shouldTakeAReusedPidForDead() {
        RunOwner earlier = new RunOwner(CURRENT.host(), CURRENT.pid(), CURRENT.startMillis() - 3_600_000);

        assertThat(earlier.isDead()).isTrue();
    }

    @Test
    void shouldNeverJudgeAnOwnerOfAnotherHostOrOfAnUnknownOne() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        String otherHost = CURRENT.host().equals("12345678") ? "87654321" : "12345678";

        assertThat(new RunOwner(otherHost, process.pid(), 1).isDead()).isFalse();
        assertThat(new RunOwner(RunOwner.UNKNOWN_HOST, process.pid(), 1).isDead()).isFalse();
        assertThatThrownBy(() -> new RunOwner("../../x", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
