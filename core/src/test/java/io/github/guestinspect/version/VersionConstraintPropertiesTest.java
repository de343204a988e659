package io.github.guestinspect.version;

import io.github.guestinspect.version.VersionConstraint.Comparison;
import io.github.guestinspect.version.VersionConstraint.Operator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link VersionConstraint#parse}: reads back what it is given, and fails only with its own exception, anywhere. */
class VersionConstraintPropertiesTest {
    @Property(tries = 2000)
    void shouldReadBackAnyWrittenConstraint(@ForAll("alternatives") final List<List<Comparison>> alternatives,
                                            @ForAll("spaces") final String space)
            throws InvalidConstraintException {
        String text = alternatives.stream()
                .map(all -> all.stream().map(c -> c.operator().symbol() + " " + c.version())
                        .collect(Collectors.joining(space + "," + space)))
                .collect(Collectors.joining(space + "|" + space));

        assertThat(VersionConstraint.parse(space + text + space).alternatives()).isEqualTo(alternatives);
    }

    @Property(tries = 3000)
    void shouldFailOnlyWithAPositionInsideTheText(@ForAll("constraintLike") final String text) {
        try {
            VersionConstraint constraint = VersionConstraint.parse(text);
            assertThat(constraint.alternatives()).isNotEmpty().allSatisfy(all -> assertThat(all).isNotEmpty());
        }
        catch (InvalidConstraintException exception) {
            assertThat(exception.position()).isBetween(0, text.length());
            assertThat(exception.getMessage()).contains(" at position " + exception.position() + " in '");
        }
    }

    @Provide
    Arbitrary<List<List<Comparison>>> alternatives() {
        Arbitrary<String> versions = Arbitraries.of(VersionScheme.class).flatMap(scheme ->
                Arbitraries.randomValue(VersionGenerators.realistic(scheme))).filter(version -> !version.isEmpty());
        Arbitrary<Comparison> comparisons = Combinators.combine(Arbitraries.of(Operator.class), versions)
                .as(Comparison::new);
        return comparisons.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.of("", " ", "  ", "\t", "\n");
    }

    @Provide
    Arbitrary<String> constraintLike() {
        return Arbitraries.oneOf(VersionGenerators.anything(),
                Arbitraries.strings().withChars("<>=!~,| \t1.0a-:\u0000\u0007\u00a0").ofMaxLength(16));
    }
}
