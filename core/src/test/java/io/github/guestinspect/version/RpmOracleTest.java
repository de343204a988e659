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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VersionScheme#RPM} against the real rpm ({@code rpm.vercmp} in rpm's Lua, which is rpm 4.18's
 * {@code rpmverCmp}: epoch, version, release, a missing release before any), sign by sign. Skipped where rpm is not
 * installed. Each try checks a batch of pairs in one rpm process.
 */
@AddLifecycleHook(PackageManagerOracle.RpmInstalled.class)
class RpmOracleTest {
    private static final int PAIRS_PER_TRY = 500;

    /** Versions where orders usually go wrong: '~', '^', separators, epochs, empty parts, letters against digits. */
    private static final List<String> TRICKY = List.of("1.0", "1.0-1", "1.0-", "1:1.0", "0:1.0", ":1.0", "1:",
            "1.0~rc1", "1.0~rc1-1", "1.0~~", "1.0^", "1.0^git1", "1.0^git1~pre", "1.0.1", "1.0a", "1.a", "1.1", "1_0",
            "1..0", "1.00", "001", "a", "xyz.4", "8", "10xyz", "10.1xyz", "1.20230717123456", "1.0-1.el9",
            "1.0-1.el9_2", "3.0.7-27.el9", "3.0.7-24.el9", "1.0-1~1", "a:b", "1.0%2", "1.é", "2:0.1", "1.0-1-2", "^",
            "8", "8-r0", "~");

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void shouldOrderRandomVersionsLikeRpm(@ForAll("rpmPairs") final List<VersionPair> pairs) {
        assertThat(disagreements(pairs)).isEmpty();
    }

    @Example
    void shouldOrderEveryPairOfTrickyVersionsLikeRpm() {
        List<VersionPair> pairs = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            for (int j = i; j < TRICKY.size(); j++) {
                pairs.add(new VersionPair(TRICKY.get(i), TRICKY.get(j)));
            }
        }

        assertThat(disagreements(pairs)).isEmpty();
    }

    @Provide
    Arbitrary<List<VersionPair>> rpmPairs() {
        // rpm.vercmp refuses the empty string (it is not a version to rpm)
        return VersionGenerators.pairs(VersionGenerators::rpm)
                .filter(pair -> !pair.left().isEmpty() && !pair.right().isEmpty())
                .list().ofSize(PAIRS_PER_TRY);
    }

    private static List<String> disagreements(final List<VersionPair> pairs) {
        List<Integer> verdicts = PackageManagerOracle.rpm(pairs);
        assertThat(verdicts).as("one rpm verdict per pair").hasSize(pairs.size());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            VersionPair pair = pairs.get(i);
            int expected = verdicts.get(i);
            Statistics.label("rpm").collect(expected < 0 ? "lt" : expected > 0 ? "gt" : "eq");
            int actual = VersionScheme.RPM.compare(pair.left(), pair.right());
            if (expected != actual) {
                disagreements.add(pair + ": rpm " + expected + ", ours " + actual);
            }
        }
        return disagreements;
    }
}
