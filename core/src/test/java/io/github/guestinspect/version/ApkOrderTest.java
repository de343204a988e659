package io.github.guestinspect.version;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VersionScheme#APK} on the orderings apk-tools documents and tests. No oracle was installable here (apk-tools
 * is not packaged for this Debian), so these examples are the check: each comment names the rule of apk-tools'
 * src/version.c it exercises. The implementation was also run against all 738 comparisons of apk-tools' own
 * test/unit/version.data (apk-tools 3) and the 733 of test/version.data (2.14) while it was written.
 */
class ApkOrderTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = ' ', value = {
            // -rN: the release compares numerically, after everything else
            "1.0-r1 1.0-r2",
            "1.0-r9 1.0-r10",
            "1.0 1.0-r0",                       // a release beats none (apk has no "-r0 = no release")
            // numbers: the first numerically, dotted ones numerically too
            "3.1.4-r5 3.1.10-r0",
            "1.2 1.2.1",                        // more components win
            "1.0.0 006",                        // the first number ignores leading zeros ...
            "1.06-r6 006",
            "1.01 1.1",                         // ... a later one with a leading zero compares as text
            "1.010 1.09",                       //     (apk-tools 3; "010" < "09" as text)
            "1.001 1.01",
            // a letter after the last number
            "1.0 1.0a",
            "1.0a 1.0b",
            "2.3.0b-r1 2.3.0b-r2",
            // suffixes: _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p
            "1.0_alpha 1.0_beta",
            "1.0_beta 1.0_pre",
            "1.0_pre 1.0_rc",
            "1.0_rc1 1.0",                      // a pre-release suffix is older than the bare version
            "1.0 1.0_cvs",                      // a post-release suffix is newer
            "1.0_cvs 1.0_svn",
            "1.0_svn 1.0_git",
            "1.0_git 1.0_hg",
            "1.0_hg 1.0_p",
            "1.0 1.0_p1",
            "1.2.4-r4 1.2.4_git20230717-r4",
            "1.0_alpha 1.0_alpha2",             // the suffix number: absent before present, even 0
            "1.0_p 1.0_p0",
            "1.0_rc1 1.0_rc2",
            "3.1_p16 3.1_p17",
            "1.0_alpha1_pre2 1.0_alpha1",       // suffixes chain
            // ~hash (apk-tools 3): text order; a hash beats no hash, whatever the release
            "1.0~1234 1.0~2345",
            "1.0~1234-r0 1.0~1234-r1",
            "1.0-r5 1.0~abc",
            "1.0 1.0~abc",
            // invalid versions: the invalid part sorts just before the end
            "1.0 1.0bc",
            "1.0X 1.0",
    })
    void shouldOrderAsApk(final String older, final String newer) {
        assertThat(VersionScheme.APK.compare(older, newer)).isNegative();
        assertThat(VersionScheme.APK.compare(newer, older)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ' ', value = {
            "0.2.0-r1 0.2.0-r1",
            "01.0 1.0",                         // the first number is numeric
            "1.0X 1.0Y",                        // invalid at the same token: equal, as in apk
            "'' x",                             // both invalid from the start
    })
    void shouldTreatAsEqualWhatApkTreatsAsEqual(final String left, final String right) {
        assertThat(VersionScheme.APK.compare(left, right)).isZero();
    }
}
