package io.github.guestinspect.version;

import io.github.guestinspect.version.VersionConstraint.Comparison;
import io.github.guestinspect.version.VersionConstraint.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.github.guestinspect.version.VersionConstraint.Operator.EQ;
import static io.github.guestinspect.version.VersionConstraint.Operator.GE;
import static io.github.guestinspect.version.VersionConstraint.Operator.GT;
import static io.github.guestinspect.version.VersionConstraint.Operator.LE;
import static io.github.guestinspect.version.VersionConstraint.Operator.LT;
import static io.github.guestinspect.version.VersionConstraint.Operator.NE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link VersionConstraint}: parsing, the exact parse errors, and matching under each scheme. */
class VersionConstraintTest {
    private static final String OPERATORS = " (the operators are <, <=, >, >=, =, !=)";
    private static final String JOIN = " (join comparisons with ',' or '|')";

    @Test
    void shouldParseASingleComparison() throws InvalidConstraintException {
        VersionConstraint constraint = VersionConstraint.parse("< 3.0.11-1");

        assertThat(constraint.text()).isEqualTo("< 3.0.11-1");
        assertThat(constraint.alternatives()).containsExactly(List.of(new Comparison(LT, "3.0.11-1")));
    }

    @Test
    void shouldParseCommaAsAndAndBarAsOrWithLowerPrecedence() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(">= 1.0, < 2.0 | = 3.0 | != 4.0, <= 5.0, > 0.1").alternatives())
                .containsExactly(
                        List.of(new Comparison(GE, "1.0"), new Comparison(LT, "2.0")),
                        List.of(new Comparison(EQ, "3.0")),
                        List.of(new Comparison(NE, "4.0"), new Comparison(LE, "5.0"), new Comparison(GT, "0.1")));
    }

    @Test
    void shouldNotNeedWhitespace() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(">=1.0,<2.0|!=3.0").alternatives()).containsExactly(
                List.of(new Comparison(GE, "1.0"), new Comparison(LT, "2.0")), List.of(new Comparison(NE, "3.0")));
    }

    @Test
    void shouldAllowAnyWhitespaceAroundOperatorsAndSeparators() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(" \t>=\n1:1.0-1 ,\u00a0< 2.0\r\n").alternatives())
                .containsExactly(List.of(new Comparison(GE, "1:1.0-1"), new Comparison(LT, "2.0")));
    }

    @Test
    void shouldReadABareVersionAsEquals() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse("1.2.3").alternatives())
                .containsExactly(List.of(new Comparison(EQ, "1.2.3")));
        assertThat(VersionConstraint.parse("~1.0 | 2.0").alternatives())
                .containsExactly(List.of(new Comparison(EQ, "~1.0")), List.of(new Comparison(EQ, "2.0")));
    }

    @Test
    void shouldKeepVersionCharactersOfEveryScheme() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(">= 1:2.3~rc1+dfsg-1~deb12u1, < 1.0^git1_p2~ab12-r3").alternatives())
                .containsExactly(List.of(new Comparison(GE, "1:2.3~rc1+dfsg-1~deb12u1"),
                        new Comparison(LT, "1.0^git1_p2~ab12-r3")));
    }

    static Stream<Arguments> invalidConstraints() {
        return Stream.of(
                Arguments.of("", 0, "constraint is empty at position 0 in ''"),
                Arguments.of("   ", 3, "constraint is empty at position 3 in '   '"),
                Arguments.of(">= ", 3, "expected a version after '>=' at position 3 in '>= '"),
                Arguments.of("<", 1, "expected a version after '<' at position 1 in '<'"),
                Arguments.of(">= ,1.0", 3, "expected a version after '>=' at position 3 in '>= ,1.0'"),
                Arguments.of("=> 1.0", 0, "unknown operator '=>' at position 0 in '=> 1.0'" + OPERATORS),
                Arguments.of("== 1.0", 0, "unknown operator '==' at position 0 in '== 1.0'" + OPERATORS),
                Arguments.of("~> 1.0", 0, "unknown operator '~>' at position 0 in '~> 1.0'" + OPERATORS),
                Arguments.of("<< 1.0", 0, "unknown operator '<<' at position 0 in '<< 1.0'" + OPERATORS),
                Arguments.of("! 1.0", 0, "unknown operator '!' at position 0 in '! 1.0'" + OPERATORS),
                Arguments.of(">=~1.0", 0, "unknown operator '>=~' at position 0 in '>=~1.0'" + OPERATORS),
                Arguments.of(">= 1.0, =< 2.0", 8,
                        "unknown operator '=<' at position 8 in '>= 1.0, =< 2.0'" + OPERATORS),
                Arguments.of("1.0 |", 5, "expected a comparison after '|' at position 5 in '1.0 |'"),
                Arguments.of("1.0,", 4, "expected a comparison after ',' at position 4 in '1.0,'"),
                Arguments.of("| 1.0", 0, "expected a comparison before '|' at position 0 in '| 1.0'"),
                Arguments.of(", 1.0", 0, "expected a comparison before ',' at position 0 in ', 1.0'"),
                Arguments.of("1.0,,2.0", 4, "expected a comparison before ',' at position 4 in '1.0,,2.0'"),
                Arguments.of("1.0, | 2.0", 5, "expected a comparison before '|' at position 5 in '1.0, | 2.0'"),
                Arguments.of(">= 1.0 beta", 6, "whitespace in a version at position 6 in '>= 1.0 beta'" + JOIN),
                Arguments.of("1.0 < 2.0", 3, "whitespace in a version at position 3 in '1.0 < 2.0'" + JOIN),
                Arguments.of("1.0<2.0", 3, "unexpected '<' after a version at position 3 in '1.0<2.0'" + JOIN));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("invalidConstraints")
    void shouldReportWhatIsWrongAndWhere(final String text, final int position, final String message) {
        assertThatThrownBy(() -> VersionConstraint.parse(text)).isInstanceOfSatisfying(InvalidConstraintException.class,
                exception -> {
                    assertThat(exception).hasMessage(message);
                    assertThat(exception.position()).isEqualTo(position);
                });
    }

    @Test
    void shouldRejectControlCharactersAndShowThemEscaped() {
        assertThatThrownBy(() -> VersionConstraint.parse(">= 1.\u00070")).isInstanceOfSatisfying(
                InvalidConstraintException.class, exception -> {
                    assertThat(exception).hasMessage("control character U+0007 at position 5 in '>= 1.\\u00070'");
                    assertThat(exception.position()).isEqualTo(5);
                });
        assertThatThrownBy(() -> VersionConstraint.parse(">= 1.0 \u0007")).isInstanceOfSatisfying(
                InvalidConstraintException.class, exception -> {
                    assertThat(exception).hasMessage("control character U+0007 at position 7 in '>= 1.0 \\u0007'");
                    assertThat(exception.position()).isEqualTo(7);
                });
        assertThatThrownBy(() -> VersionConstraint.parse("< 1.0\u0000")).isInstanceOfSatisfying(
                InvalidConstraintException.class, exception -> {
                    assertThat(exception).hasMessage("control character U+0000 at position 5 in '< 1.0\\u0000'");
                    assertThat(exception.position()).isEqualTo(5);
                });
    }

    @Test
    void shouldShowTabsAndNewlinesEscapedInMessages() {
        assertThatThrownBy(() -> VersionConstraint.parse("1.0\t|\n")).hasMessage(
                "expected a comparison after '|' at position 6 in '1.0\\u0009|\\u000a'");
    }

    @ParameterizedTest(name = "{1} {0} 1.0: {2}")
    @CsvSource({
            "<, 0.9, true", "<, 1.0, false", "<, 1.1, false",
            "<=, 0.9, true", "<=, 1.0, true", "<=, 1.1, false",
            ">, 0.9, false", ">, 1.0, false", ">, 1.1, true",
            ">=, 0.9, false", ">=, 1.0, true", ">=, 1.1, true",
            "=, 0.9, false", "=, 1.0, true", "=, 1.1, false",
            "!=, 0.9, true", "!=, 1.0, false", "!=, 1.1, true",
    })
    void shouldApplyEachOperator(final String operator, final String installed, final boolean matches)
            throws InvalidConstraintException {
        VersionConstraint constraint = VersionConstraint.parse(operator + " 1.0");

        for (VersionScheme scheme : VersionScheme.values()) {
            assertThat(constraint.matches(installed, scheme)).as("%s %s", installed, scheme).isEqualTo(matches);
        }
    }

    @Test
    void shouldRequireEveryComparisonOfAnAlternative() throws InvalidConstraintException {
        VersionConstraint range = VersionConstraint.parse(">= 1.0, < 2.0");

        assertThat(range.matches("1.5", VersionScheme.DEB)).isTrue();
        assertThat(range.matches("1.0", VersionScheme.DEB)).isTrue();
        assertThat(range.matches("2.0", VersionScheme.DEB)).isFalse();
        assertThat(range.matches("0.9", VersionScheme.DEB)).isFalse();
    }

    @Test
    void shouldRequireAnyAlternative() throws InvalidConstraintException {
        VersionConstraint outside = VersionConstraint.parse("< 1.0 | >= 2.0");

        assertThat(outside.matches("0.9", VersionScheme.RPM)).isTrue();
        assertThat(outside.matches("2.0", VersionScheme.RPM)).isTrue();
        assertThat(outside.matches("1.5", VersionScheme.RPM)).isFalse();
    }

    @Test
    void shouldBindCommaTighterThanBar() throws InvalidConstraintException {
        // (< 1.0 and > 5.0) or = 3.0; with the bar binding tighter, 3.0 would fail "< 1.0"
        assertThat(VersionConstraint.parse("< 1.0, > 5.0 | = 3.0").matches("3.0", VersionScheme.APK)).isTrue();
    }

    @Test
    void shouldSortDebianTildeBeforeTheEnd() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(">= 3.0.13").matches("3.0.13-1~deb12u1", VersionScheme.DEB)).isTrue();
        assertThat(VersionConstraint.parse("< 3.0.11-1").matches("3.0.11-1~deb12u2", VersionScheme.DEB)).isTrue();
        assertThat(VersionConstraint.parse("< 3.0.11-1").matches("3.0.11-1", VersionScheme.DEB)).isFalse();
        assertThat(VersionConstraint.parse("< 1.0").matches("1.0~rc1", VersionScheme.DEB)).isTrue();
    }

    @Test
    void shouldCompareAllOfTheDebianVersionEvenWithoutARevisionInTheConstraint() throws InvalidConstraintException {
        // dpkg has no release-less rule: "3.0.13-1" is newer than "3.0.13" (no revision sorts first)
        assertThat(VersionConstraint.parse("> 3.0.13").matches("3.0.13-1", VersionScheme.DEB)).isTrue();
        assertThat(VersionConstraint.parse("= 3.0.13").matches("3.0.13-1", VersionScheme.DEB)).isFalse();
    }

    @Test
    void shouldCompareOnlyEpochAndVersionWhenTheRpmConstraintHasNoRelease() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse(">= 3.0.13").matches("3.0.13-1", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("<= 3.0.13").matches("3.0.13-1", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("= 3.0.13").matches("3.0.13-5.el9", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("> 3.0.13").matches("3.0.13-1", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("< 3.0.13").matches("3.0.13-1", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("!= 3.0.13").matches("3.0.13-1", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("< 3.0.13").matches("3.0.12-9", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse(">= 1:3.0.13").matches("3.0.14-1", VersionScheme.RPM)).isFalse();
    }

    @Test
    void shouldCompareRpmReleasesWhenBothHaveOne() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse("< 3.0.7-27.el9").matches("1:3.0.7-24.el9", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("< 3.0.7-27.el9").matches("3.0.7-24.el9", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("< 3.0.7-27.el9").matches("3.0.7-27.el9", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("= 3.0.7-27.el9").matches("3.0.7-27.el9", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("< 1.0-1").matches("1.0-1~1", VersionScheme.RPM)).isTrue();
    }

    @Test
    void shouldMatchAnRpmVersionWithoutReleaseLikeRpmDoes() throws InvalidConstraintException {
        // rpmverOverlap: the side without a release stands for every release of its version, so it overlaps
        // "< 1.0-5" as well as "> 1.0-5"; installed rpm packages always have a release, this is the corner case
        assertThat(VersionConstraint.parse("< 1.0-5").matches("1.0", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("> 1.0-5").matches("1.0", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("!= 1.0-5").matches("1.0", VersionScheme.RPM)).isFalse();
        assertThat(VersionConstraint.parse("< 1.1-5").matches("1.0", VersionScheme.RPM)).isTrue();
        assertThat(VersionConstraint.parse("> 1.1-5").matches("1.0", VersionScheme.RPM)).isFalse();
    }

    @Test
    void shouldMatchApkVersions() throws InvalidConstraintException {
        assertThat(VersionConstraint.parse("> 1.2.4-r4").matches("1.2.4_git20230717-r4", VersionScheme.APK)).isTrue();
        assertThat(VersionConstraint.parse("< 1.0").matches("1.0_rc1", VersionScheme.APK)).isTrue();
        assertThat(VersionConstraint.parse("< 3.1.10-r0").matches("3.1.4-r5", VersionScheme.APK)).isTrue();
        assertThat(VersionConstraint.parse(">= 1.0-r2").matches("1.0-r1", VersionScheme.APK)).isFalse();
    }

    @Test
    void shouldNeverThrowOnMalformedInstalledVersions() throws InvalidConstraintException {
        VersionConstraint constraint = VersionConstraint.parse("< 2.0 | >= 3.0");

        for (VersionScheme scheme : VersionScheme.values()) {
            for (String odd : new String[] {"", ":", "-", "a:b", "\u0000", "\ud83d", "1 2"}) {
                constraint.matches(odd, scheme);
            }
        }
    }

    @Test
    void shouldBeImmutable() throws InvalidConstraintException {
        List<Comparison> comparisons = new ArrayList<>(List.of(new Comparison(LT, "2.0")));
        List<List<Comparison>> alternatives = new ArrayList<>(List.of(comparisons));
        VersionConstraint constraint = new VersionConstraint("< 2.0", alternatives);
        comparisons.add(new Comparison(GT, "1.0"));
        alternatives.add(List.of(new Comparison(EQ, "3.0")));

        assertThat(constraint.alternatives()).containsExactly(List.of(new Comparison(LT, "2.0")));
        assertThatThrownBy(() -> VersionConstraint.parse("1.0").alternatives().get(0).add(new Comparison(EQ, "2")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRejectConstraintsWithoutComparisons() {
        assertThatIllegalArgumentException().isThrownBy(() -> new VersionConstraint("", List.of()))
                .withMessage("a constraint needs at least one alternative: ''");
        assertThatIllegalArgumentException().isThrownBy(() -> new VersionConstraint("1 |", List.of(
                        List.of(new Comparison(EQ, "1")), List.of())))
                .withMessage("every alternative needs at least one comparison: '1 |'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Comparison(EQ, ""))
                .withMessage("the version of a comparison is empty");
    }

    @Test
    void shouldRejectNullWithTheNameOfTheArgument() throws InvalidConstraintException {
        VersionConstraint constraint = VersionConstraint.parse("1.0");

        assertThatNullPointerException().isThrownBy(() -> VersionConstraint.parse(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> constraint.matches(null, VersionScheme.DEB))
                .withMessage("version");
        assertThatNullPointerException().isThrownBy(() -> constraint.matches("1.0", null)).withMessage("scheme");
    }

    @Test
    void shouldWriteOperatorsAsTheVersSpecification() {
        assertThat(List.of(Operator.values())).extracting(Operator::symbol)
                .containsExactly("<", "<=", ">", ">=", "=", "!=");
        assertThat(new Comparison(GE, "1.0")).hasToString(">= 1.0");
    }
}
