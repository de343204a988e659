package io.github.guestinspect.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@link VersionScheme#DEB} on examples from Debian policy 5.6.12 and dpkg's behaviour (each was checked with
 * {@code dpkg --compare-versions}; {@link DebianOracleTest} checks random ones against dpkg itself).
 */
class DebianOrderTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = ' ', value = {
            "1.0~rc1 1.0",                  // '~' sorts before the end of the string
            "1.0~~ 1.0~~a",                 // ... and before everything, also a letter
            "1.0~~a 1.0~",
            "3.0.11-1~deb12u2 3.0.11-1",    // a stable update of revision 1 is older than revision 1
            "3.0.13 3.0.13-1~deb12u1",      // no revision sorts before any revision ("" < "1")
            "1.0 1.0+b1",                   // binNMU
            "1.0a 1.0+",                    // letters sort before non-letters
            "1.0A 1.0a",                    // letters by ASCII code
            "2.3-1 2.30-1",                 // digit runs numerically
            "1.9 1.10",
            "1.0 1.0.0",
            "2.0 1:0.9",                    // the epoch first
            "1.0-1-2 1.0-1-10",             // the revision is after the last hyphen
            "1.2 1.20230717123456",         // digit runs beyond int and long
            "1.20230717123456 1.20230717123457",
            "1.2.3 1.2.3-0ubuntu1",
    })
    void shouldOrderAsDpkg(final String older, final String newer) {
        assertThat(VersionScheme.DEB.compare(older, newer)).isNegative();
        assertThat(VersionScheme.DEB.compare(newer, older)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ' ', value = {
            "1.0 1.0-0",                    // revision "0" is the same as none
            "0:1.0 1.0",                    // epoch 0 is the same as none
            "1.01 1.1",                     // leading zeros do not count
            "1.0 1.00",
            "007:1 7:1",
    })
    void shouldTreatDifferentSpellingsOfOneVersionAsEqual(final String left, final String right) {
        assertThat(VersionScheme.DEB.compare(left, right)).isZero();
    }

    @Test
    void shouldSortNoVersionBeforeEveryVersionAsDpkgDoes() {
        assertThat(VersionScheme.DEB.compare("", "0")).isNegative();
        assertThat(VersionScheme.DEB.compare("", "~")).isNegative();
        assertThat(VersionScheme.DEB.compare("<unknown>", "")).isZero();
    }

    @Test
    void shouldIgnoreBlanksAroundTheVersionAsDpkgDoes() {
        assertThat(VersionScheme.DEB.compare(" 1:1.0-1\t", "1:1.0-1")).isZero();
    }

    @Test
    void shouldCompareVersionsDpkgRefusesWithoutThrowing() {
        assertThatCode(() -> {
            for (String malformed : new String[] {"a:b", ":", "", "1:", ":1", "1.0-", "-", "99999999999:1", "1 2",
                    "\u0000", "1\u00002", "\ud83d", "\u65e5\u672c"}) {
                VersionScheme.DEB.compare(malformed, "1.0");
                VersionScheme.DEB.compare("1.0", malformed);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepAMalformedEpochAsPartOfTheVersion() {
        // dpkg refuses "a:b" (epoch not a number); here it is the upstream version "a:b" with epoch 0
        assertThat(DebianVersion.parse("a:b")).isEqualTo(new DebianVersion(false, 0, "a:b", ""));
        assertThat(DebianVersion.parse("99999999999:1")).isEqualTo(new DebianVersion(false, 0, "99999999999:1", ""));
        assertThat(DebianVersion.parse("1:")).isEqualTo(new DebianVersion(false, 0, "1:", ""));
    }

    @Test
    void shouldSplitEpochAtTheFirstColonAndRevisionAtTheLastHyphen() {
        assertThat(DebianVersion.parse("1:2:3-4-5")).isEqualTo(new DebianVersion(false, 1, "2:3-4", "5"));
    }

    @Test
    void shouldEndTheVersionAtNulAsDpkgReadsCStrings() {
        assertThat(VersionScheme.DEB.compare("1.0\u0000junk", "1.0")).isZero();
    }
}
