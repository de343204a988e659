package io.github.guestinspect.version;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws every {@link VersionScheme} keeps on any input, malformed or not: a total preorder that never throws.
 * Versions are drawn from realistic ones, edited ones and arbitrary text (control characters, NUL, lone surrogates).
 */
class VersionOrderPropertiesTest {
    private static final int FAMILY_SIZE = 10;

    @Property(tries = 3000)
    void shouldNeverThrow(@ForAll("anyScheme") final VersionScheme scheme, @ForAll("anyText") final String left,
                          @ForAll("anyText") final String right) {
        scheme.compare(left, right);
    }

    @Property(tries = 3000)
    void shouldBeReflexive(@ForAll("schemeAndVersion") final Tuple2<VersionScheme, String> version) {
        assertThat(version.get1().compare(version.get2(), version.get2())).isZero();
    }

    @Property(tries = 3000)
    void shouldBeAntisymmetric(@ForAll("schemeAndTwoVersions") final Tuple3<VersionScheme, String, String> versions) {
        VersionScheme scheme = versions.get1();

        assertThat(scheme.compare(versions.get2(), versions.get3()))
                .isEqualTo(-scheme.compare(versions.get3(), versions.get2()));
    }

    /**
     * Every ordered triple of a family of related versions: that is where orders break (equal up to one part),
     * unlike independent random triples, which are almost always clearly ordered.
     */
    @Property(tries = 300)
    void shouldBeTransitive(@ForAll("schemeAndFamily") final Tuple2<VersionScheme, List<String>> family) {
        VersionScheme scheme = family.get1();
        List<String> versions = family.get2();
        for (String a : versions) {
            for (String b : versions) {
                for (String c : versions) {
                    int ab = scheme.compare(a, b);
                    int bc = scheme.compare(b, c);
                    int ac = scheme.compare(a, c);
                    if (ab <= 0 && bc <= 0) {
                        int atMost = ab < 0 || bc < 0 ? -1 : 0;
                        assertThat(ac).as("'%s' vs '%s' after '%s' %d '%s' %d '%s'", a, c, a, ab, b, bc, c)
                                .isLessThanOrEqualTo(atMost);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<VersionScheme> anyScheme() {
        return Arbitraries.of(VersionScheme.class);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(VersionGenerators.anything(), anyScheme().flatMap(VersionGenerators::versions));
    }

    @Provide
    Arbitrary<Tuple2<VersionScheme, String>> schemeAndVersion() {
        return anyScheme().flatMap(scheme -> VersionGenerators.versions(scheme).map(v -> Tuple.of(scheme, v)));
    }

    @Provide
    Arbitrary<Tuple3<VersionScheme, String, String>> schemeAndTwoVersions() {
        return anyScheme().flatMap(scheme -> Arbitraries.oneOf(
                Combinators.combine(VersionGenerators.versions(scheme), VersionGenerators.versions(scheme))
                        .as((a, b) -> Tuple.of(scheme, a, b)),
                VersionGenerators.pairs(VersionGenerators.realistic(scheme))
                        .map(pair -> Tuple.of(scheme, pair.left(), pair.right()))));
    }

    @Provide
    Arbitrary<Tuple2<VersionScheme, List<String>>> schemeAndFamily() {
        return anyScheme().flatMap(scheme -> VersionGenerators.family(scheme, FAMILY_SIZE)
                .map(family -> Tuple.of(scheme, family)));
    }
}
