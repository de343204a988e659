package io.github.guestinspect.guest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuestGlobTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/etc/ssh/ssh_host_*_key | /etc/ssh/ssh_host_ed25519_key | true",
            "/etc/ssh/ssh_host_*_key | /etc/ssh/ssh_host_ed25519_key.pub | false",
            "/home/*/.bash_history   | /home/ann/.bash_history | true",
            "/home/*/.bash_history   | /home/ann/sub/.bash_history | false",
            "/root/.?sh_history      | /root/.ash_history | true",
            "/root/.?sh_history      | /root/.sh_history | false",
            "/tmp/[abc].log          | /tmp/b.log | true",
            "/tmp/[abc].log          | /tmp/d.log | false",
            "/tmp/[a-c].log          | /tmp/c.log | true",
            "/tmp/[!a-c].log         | /tmp/c.log | false",
            "/tmp/[!a-c].log         | /tmp/x.log | true",
            "/tmp/[^a-c].log         | /tmp/x.log | true",
            "/tmp/x[!.]y             | /tmp/x/y | false",
            "/tmp/x[a/]y             | /tmp/x/y | false",
            "/tmp/[[]x]              | /tmp/[x] | true",
            "/tmp/[&]                | /tmp/& | true",
            "/tmp/a.b                | /tmp/axb | false",
            "/tmp/(x)+               | /tmp/(x)+ | true"
    })
    void shouldMatchLikeTheShellWithinOnePathSegment(final String glob, final String path, final boolean matches) {
        assertThat(GuestGlob.compile(glob).matches(path)).isEqualTo(matches);
    }

    @Test
    void shouldMatchNamesWithLineBreaksSoNoFileHidesFromARule() {
        assertThat(GuestGlob.compile("/root/*_history").matches("/root/evil\n_history")).isTrue();
        assertThat(GuestGlob.compile("/root/?").matches("/root/\n")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/[abc", "/tmp/[]", "/tmp/[!]"})
    void shouldRefuseAClassThatIsUnclosedOrEmptyNamingTheGlob(final String glob) {
        assertThatThrownBy(() -> GuestGlob.compile(glob)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(glob);
    }
}
