package io.github.guestinspect.runner;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GuestPathTest {
    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldKeepTheBytesOfEachNameAndDecodeEachNameOnItsOwn() {
        GuestPath path = GuestPath.ROOT.child(bytes("home")).child(bytes("gi-\u00e9t\u00e9")) // Latin-1, not UTF-8
                .child("caf\u00e9".getBytes(StandardCharsets.UTF_8));

        assertThat(path.bytes()).isEqualTo(bytes("/home/gi-\u00e9t\u00e9/caf\u00c3\u00a9"));
        assertThat(path.text()).isEqualTo("/home/gi-\u00e9t\u00e9/caf\u00e9");
    }

    @Test
    void shouldSplitIntoParentAndNameAtTheLastSlash() {
        GuestPath path = GuestPath.ROOT.child(bytes("home")).child(bytes("a\nb")).child(bytes(".bash_history"));

        assertThat(path.parent()).isEqualTo(GuestPath.of("/home/a\nb"));
        assertThat(path.parent().text()).isEqualTo("/home/a\nb");
        assertThat(path.name()).isEqualTo(bytes(".bash_history"));
        assertThat(GuestPath.of("/etc").parent()).isEqualTo(GuestPath.ROOT);
        assertThat(GuestPath.of("/etc/ssh/").name()).isEmpty();
    }

    @Test
    void shouldKnowThatNoNameHoldsANul() {
        assertThat(GuestPath.of("/etc/a\u0000b").isImpossible()).isTrue();
        assertThat(GuestPath.of("/etc/a\u0001b").isImpossible()).isFalse();
    }
}
