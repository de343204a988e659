package io.github.guestinspect.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@link VersionScheme#RPM} on examples in the style of rpm's own tests (tests/rpmvercmp.at); each was checked with
 * rpm 4.18's {@code rpm.vercmp}, and {@link RpmOracleTest} checks random ones against rpm itself.
 */
class RpmOrderTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = ' ', value = {
            "1.0 2.0",
            "2.0.1 2.0.1a",                 // leftover segments win
            "5.5p1 5.5p2",
            "5.5p1 5.5p10",                 // digit runs numerically
            "10xyz 10.1xyz",
            "xyz.4 8",                      // a number is newer than letters
            "1.a 1.1",
            "1.0~rc1 1.0",                  // '~' sorts before everything, even the end
            "1.0~rc1~git123 1.0~rc1",
            "1.0 1.0^",                     // '^' sorts after the end ...
            "1.0^git1 1.0.1",               // ... but before any further segment
            "1.0^git1~pre 1.0^git1",
            "1.0^20160101 1.0^20160101^git1",
            "1.0 1.0-0",                    // a missing release sorts before any release
            "1.0- 1.0-0",                   // an empty release is a release
            "1.0-1.el9 1.0-1.el9_2",
            "3.0.7-24.el9 3.0.7-27.el9",
            "1:1.0 2:0.1",                  // the epoch first
            "9.9 1:1.0",                    // a missing epoch is 0
            "1.0-1~1 1.0-1",
            "1 1:",                         // rpm: epoch 1, empty version
            "1.2 1.20230717123456",
    })
    void shouldOrderAsRpm(final String older, final String newer) {
        assertThat(VersionScheme.RPM.compare(older, newer)).isNegative();
        assertThat(VersionScheme.RPM.compare(newer, older)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ' ', value = {
            "1.0 1_0",                      // every other character is just a separator
            "1..0 1.0",
            "1.0a 1.0.a",
            "1.00 1.0",
            "001 1",
            "0:1.0 1.0",
            ":1.0 1.0",                     // an empty epoch is 0
    })
    void shouldTreatDifferentSpellingsOfOneVersionAsEqual(final String left, final String right) {
        assertThat(VersionScheme.RPM.compare(left, right)).isZero();
    }

    @Test
    void shouldSplitAsRpmsParseEvr() {
        assertThat(RpmVersion.parse("2:1.0-3.el9")).isEqualTo(new RpmVersion("2", "1.0", Optional.of("3.el9")));
        assertThat(RpmVersion.parse("1.0")).isEqualTo(new RpmVersion("0", "1.0", Optional.empty()));
        assertThat(RpmVersion.parse(":1.0-")).isEqualTo(new RpmVersion("0", "1.0", Optional.of("")));
        assertThat(RpmVersion.parse("a:b")).isEqualTo(new RpmVersion("0", "a:b", Optional.empty()));
        assertThat(RpmVersion.parse("1.0-1-2")).isEqualTo(new RpmVersion("0", "1.0-1", Optional.of("2")));
    }

    @Test
    void shouldCompareAnyStringWithoutThrowing() {
        assertThatCode(() -> {
            for (String odd : new String[] {"", ":", "-", "~", "^", "^~", "a:b", "1:", "\u0000", "\ud83d", "\u65e5"}) {
                VersionScheme.RPM.compare(odd, "1.0");
                VersionScheme.RPM.compare("1.0", odd);
            }
        }).doesNotThrowAnyException();
    }
}
