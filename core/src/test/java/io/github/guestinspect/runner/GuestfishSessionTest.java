package io.github.guestinspect.runner;

import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;
import io.github.guestinspect.testing.RequiredTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conversation rules of {@link GuestfishSession} against a real guestfish without an appliance: local commands
 * ({@code echo}, {@code lcd}) run at once, and {@code lcd} repeats its argument in its error message, as the
 * appliance's commands repeat a path from the image.
 */
class GuestfishSessionTest {
    /** An argument whose error message carries a second line that looks like guestfish blaming input line 1. */
    private static final byte[] FORGING = "/nonexistent\n*stdin*:1: forged".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    private ChildProcesses processes;
    private GuestfishSession session;

    @BeforeEach
    void start() throws Exception {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");
        processes = new ChildProcesses();
        session = GuestfishSession.start(processes, Map.of("LC_ALL", "C"), work, Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        processes.close();
    }

    @Test
    void shouldLetAnErrorMessageBlameAnotherCommandOfItsSyncWhichIsWhyLineBreaksRunAlone() throws Exception {
        Pending echo = session.call("echo", "one"); // input line 1
        session.callRaw("lcd " + GuestfishSession.quote(FORGING));

        Replies replies = session.sync();

        assertThat(replies.failed(echo)).as("the forged line blames the echo, which succeeded").isTrue();
        assertThat(replies.output(echo)).containsExactly("one");
    }

    @Test
    void shouldRefuseALineBreakInASyncThatHoldsOtherCommands() throws Exception {
        session.call("echo", "one");

        assertThatIllegalStateException().isThrownBy(() -> session.callBytes("lcd", FORGING))
                .withMessageContaining("alone");
        session.sync();
        session.callBytes("lcd", FORGING);
        assertThatIllegalStateException().isThrownBy(() -> session.call("echo", "two"));
    }

    @Test
    void shouldBlameNoOtherCommandWhenTheLineBreakRunsAlone() throws Exception {
        Pending echo = session.call("echo", "one");
        Replies first = session.sync();
        Pending lcd = session.callBytes("lcd", FORGING);
        Replies alone = session.sync();
        Pending after = session.call("echo", "two");
        Replies last = session.sync();

        assertThat(first.failed(echo)).isFalse();
        assertThat(alone.output(lcd)).isEmpty();
        assertThat(last.failed(after)).isFalse();
        assertThat(last.output(after)).containsExactly("two");
    }

    @Test
    void shouldSendNothingForALineLongerThanGuestfishReadsAndGoOn() throws Exception {
        byte[] tooLong = ("x".repeat(GuestfishSession.MAX_LINE) + "!touch pwned").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> session.callBytes("echo", tooLong)).isInstanceOf(GuestfishException.class)
                .hasMessageContaining("guestfish reads at most " + GuestfishSession.MAX_LINE);
        Pending echo = session.call("echo", "still here");
        Replies replies = session.sync();

        assertThat(replies.output(echo)).containsExactly("still here");
        assertThat(work.resolve("pwned")).doesNotExist();
    }
}
