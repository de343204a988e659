package io.github.guestinspect.version;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VersionScheme#DEB} against the real dpkg ({@code dpkg --compare-versions}), sign by sign. Skipped where dpkg
 * is not installed. Each try checks a batch of pairs in one shell, so a run compares about a thousand random pairs
 * plus every pair of a hand-picked set of tricky versions.
 */
@AddLifecycleHook(PackageManagerOracle.DpkgInstalled.class)
class DebianOracleTest {
    private static final int PAIRS_PER_TRY = 250;

    /** Versions where orders usually go wrong: tildes at the end, epochs, revisions "0" and none, long numbers. */
    private static final List<String> TRICKY = List.of("1.0", "1.0-0", "1.0-1", "0:1.0", "1:1.0", "1.0~", "1.0~~",
            "1.0~~a", "1.0~rc1", "1.0~rc1-1", "1.0+b1", "1.0a", "1.0A", "1.0+", "1.0.", "1.00", "1.01", "1.1", "1.10",
            "1.9", "3.0.13-1~deb12u1", "3.0.13", "3.0.11-1~deb12u2", "3.0.11-1", "1.20230717123456", "1.20230717123457",
            "2147483647:1", "1.0_1", "v1.0", "1.0-1-2", "1.0-1-10", "1:2:3", "1.é", "1.z", "1.0-1ubuntu0.1",
            "1.0-1build1", "1.0+dfsg-1", "1.0+dfsg1-1", "1.0~dfsg-1", "", "<unknown>", "0", "~", "1:1.0-1:2",
            "1:1.0-2");

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void shouldOrderRandomVersionsLikeDpkg(@ForAll("debianPairs") final List<VersionPair> pairs) {
        assertThat(disagreements(pairs)).isEmpty();
    }

    @Example
    void shouldOrderEveryPairOfTrickyVersionsLikeDpkg() {
        List<VersionPair> pairs = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            for (int j = i; j < TRICKY.size(); j++) {
                pairs.add(new VersionPair(TRICKY.get(i), TRICKY.get(j)));
            }
        }

        assertThat(disagreements(pairs)).isEmpty();
    }

    @Provide
    Arbitrary<List<VersionPair>> debianPairs() {
        return VersionGenerators.pairs(VersionGenerators::debian).list().ofSize(PAIRS_PER_TRY);
    }

    /** The pairs where this order and dpkg disagree; pairs dpkg refuses (bad syntax) are counted, not compared. */
    private static List<String> disagreements(final List<VersionPair> pairs) {
        List<Optional<Integer>> verdicts = PackageManagerOracle.dpkg(pairs);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            VersionPair pair = pairs.get(i);
            Optional<Integer> expected = verdicts.get(i);
            Statistics.label("dpkg").collect(expected.map(sign -> sign < 0 ? "lt" : sign > 0 ? "gt" : "eq")
                    .orElse("refused"));
            int actual = VersionScheme.DEB.compare(pair.left(), pair.right());
            if (expected.isPresent() && expected.get() != actual) {
                disagreements.add(pair + ": dpkg " + expected.get() + ", ours " + actual);
            }
        }
        assertThat(verdicts.stream().filter(Optional::isPresent).count())
                .as("pairs dpkg could compare").isGreaterThan(pairs.size() * 3L / 4);
        return disagreements;
    }
}
