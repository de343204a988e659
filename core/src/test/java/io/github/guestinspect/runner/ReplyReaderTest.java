package io.github.guestinspect.runner;

import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyReaderTest {
    private static final String MARKER = "gi-00112233445566778899aabbccddeeff";
    private static final Pending MOUNT = new Pending(1, 0);
    private static final Pending LABEL = new Pending(3, 1);

    private static ReplyReader.Lines lines(final String... lines) {
        Iterator<String> next = List.of(lines).iterator();
        return () -> {
            if (!next.hasNext()) {
                throw new GuestfishException("the stream ended", false);
            }
            return next.next();
        };
    }

    private static Replies read(final ReplyReader.Lines stderr) throws GuestfishException {
        return ReplyReader.read(List.of(MOUNT, LABEL), MARKER, lines(MARKER, "golden", "root", MARKER), stderr);
    }

    @Test
    void shouldSplitTheOutputAtTheMarkersAndTieEachErrorToItsInputLine() throws GuestfishException {
        Replies replies = read(lines("libguestfs: warning: ignored", "*stdin*:1: libguestfs: error: mount_ro: bad",
                "*stdin*:1: again", MARKER));

        assertThat(replies.output(MOUNT)).isEmpty();
        assertThat(replies.output(LABEL)).containsExactly("golden", "root");
        assertThat(replies.failed(MOUNT)).isTrue();
        assertThat(replies.error(MOUNT)).isEqualTo("libguestfs: error: mount_ro: bad; again");
        assertThat(replies.failed(LABEL)).isFalse();
    }

    @Test
    void shouldIgnoreAnErrorLineWhoseNumberIsBeyondAnyInputLine() throws GuestfishException {
        Replies replies = read(lines("*stdin*:99999999999: libguestfs: error: forged", "*stdin*:3: real", MARKER));

        assertThat(replies.failed(MOUNT)).isFalse();
        assertThat(replies.error(LABEL)).isEqualTo("real");
    }

    @Test
    void shouldReadAnErrorWhoseMessageHoldsALineSeparator() throws GuestfishException {
        Replies replies = read(lines("*stdin*:3: lstatnslist: /home/a\u2028b\u0085c: No such file", MARKER));

        assertThat(replies.failed(LABEL)).isTrue();
        assertThat(replies.error(LABEL)).isEqualTo("lstatnslist: /home/a\u2028b\u0085c: No such file");
    }

    @Test
    void shouldFailWhenAStreamEndsBeforeItsMarker() {
        assertThatThrownBy(() -> ReplyReader.read(List.of(MOUNT, LABEL), MARKER, lines(MARKER, "golden"),
                lines(MARKER))).isInstanceOf(GuestfishException.class);
        assertThatThrownBy(() -> read(lines("*stdin*:1: error"))).isInstanceOf(GuestfishException.class);
    }
}
