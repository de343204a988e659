package io.github.guestinspect.guest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GuestGlobTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/etc/ssh/ssh_host_*_key | /etc/ssh/ssh_host_rsa_key      | true",
            "/etc/ssh/ssh_host_*_key | /etc/ssh/ssh_host_rsa_key.pub  | false",
            "/home/*/.bash_history   | /home/a/b/.bash_history        | false",
            "/home/?/x               | '/home/\n/x'                   | true",
            "/var/log/[a-c]x         | /var/log/bx                    | true",
            "/var/log/[a-c]x         | /var/log/dx                    | false",
            "/v/[!0-9]               | /v/a                           | true",
            "/v/[!0-9]               | /v/5                           | false",
            "/v/[^0-9]               | /v/5                           | false",
            "/v/[]a]                 | /v/]                           | true",
            "/v/[a-]                 | /v/-                           | true",
            "/v/[&&]                 | /v/&                           | true",
            "/v/[a&&[^a]]            | /v/a]                          | true",
            "/v/[\\d]                | /v/d                           | true",
            "/v/[\\d]                | /v/5                           | false",
            "/v/a.b                  | /v/axb                         | false",
            "/tmp/[[]x]              | /tmp/[x]                       | true",
            "/tmp/x[!.]y             | /tmp/x/y                       | false",
            "/tmp/(x)+               | /tmp/(x)+                      | true",
    })
    void shouldMatchAsTheShellDoesWithoutJavaRegexSyntax(final String glob, final String path,
                                                        final boolean matches) {
        assertThat(GuestGlob.compile(glob).matches(path)).isEqualTo(matches);
    }

    @Test
    void shouldMatchNamesWithLineBreaksSoNoFileHidesFromARule() {
        assertThat(GuestGlob.compile("/root/*_history").matches("/root/evil\n_history")).isTrue();
        assertThat(GuestGlob.compile("/root/?").matches("/root/\n")).isTrue();
    }

    @Test
    void shouldNeverMatchASlashWithANegatedClass() {
        assertThat(GuestGlob.compile("/a[!x]b").matches("/a/b")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/[a", "/etc/[!", "/etc/[]", "/etc/ssh[/]x", "/etc/[a-/]", "/etc/[z-a]"})
    void shouldRejectAnUnclosedClassASlashInAClassAndABackwardsRange(final String glob) {
        assertThatIllegalArgumentException().isThrownBy(() -> GuestGlob.compile(glob)).withMessageContaining(glob);
    }
}
