package io.github.guestinspect.version;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.guestinspect.testing.FuzzInput;
import io.github.guestinspect.version.VersionConstraint.Comparison;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for the version orders and the constraint parser. Contracts: {@link VersionScheme#compare} never
 * throws and is a total preorder on any strings (reflexive, antisymmetric, transitive, and versions it calls equal
 * compare alike with every third); {@link VersionConstraint#parse} gives a constraint or an
 * {@link InvalidConstraintException} with a position inside the text, a parsed constraint reads back from its own
 * comparisons and matches any version without an exception. The first byte chooses the scheme ('0' DEB, '1' RPM,
 * '2' APK); 0xFF separates the strings. Corpus: src/test/resources/io/github/guestinspect/version/VersionFuzzTestInputs.
 */
class VersionFuzzTest {
    @FuzzTest
    void compareVersions(final byte[] data) {
        VersionScheme scheme = VersionScheme.values()[FuzzInput.choice(data, VersionScheme.values().length)];
        List<String> versions = FuzzInput.texts(FuzzInput.afterChoice(data), 3);
        for (String a : versions) {
            assertThat(scheme.compare(a, a)).as("'%s' = '%s'", a, a).isZero();
            for (String b : versions) {
                int ab = scheme.compare(a, b);
                assertThat(scheme.compare(b, a)).as("'%s' vs '%s' against the reverse", b, a).isEqualTo(-ab);
                for (String c : versions) {
                    int bc = scheme.compare(b, c);
                    int ac = scheme.compare(a, c);
                    if (ab <= 0 && bc <= 0) {
                        assertThat(ac).as("'%s' %d '%s' %d '%s'", a, ab, b, bc, c)
                                .isLessThanOrEqualTo(ab < 0 || bc < 0 ? -1 : 0);
                    }
                    if (ab == 0) {
                        assertThat(ac).as("'%s' = '%s' compared with '%s'", a, b, c).isEqualTo(bc);
                    }
                }
            }
        }
    }

    /** The constraint, then a version it is matched against with the chosen scheme. */
    @FuzzTest
    void parseConstraint(final byte[] data) {
        VersionScheme scheme = VersionScheme.values()[FuzzInput.choice(data, VersionScheme.values().length)];
        List<String> texts = FuzzInput.texts(FuzzInput.afterChoice(data), 2);
        String text = texts.get(0);
        try {
            VersionConstraint constraint = VersionConstraint.parse(text);

            assertThat(VersionConstraint.parse(written(constraint)).alternatives())
                    .isEqualTo(constraint.alternatives());
            constraint.matches(texts.get(1), scheme);
            constraint.alternatives().forEach(all -> all.forEach(comparison ->
                    constraint.matches(comparison.version(), scheme)));
        }
        catch (InvalidConstraintException exception) {
            assertThat(exception.position()).isBetween(0, text.length());
            assertThat(exception.getMessage()).contains(" at position " + exception.position() + " in '");
        }
    }

    private static String written(final VersionConstraint constraint) {
        return constraint.alternatives().stream()
                .map(all -> all.stream().map(Comparison::toString).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
    }
}
