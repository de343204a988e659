package io.github.guestinspect.version;

import java.util.List;
import java.util.Objects;

/**
 * A parsed version constraint such as {@code < 3.0.11-1}, {@code >= 3.0.13}, {@code >= 1.0, < 2.0} or
 * {@code < 1.0 | >= 2.0}. A comma means "and", a bar means "or" and binds less tightly than the comma, so the
 * constraint is a disjunction of conjunctions: it matches when all comparisons of at least one alternative hold.
 * The operators are those of the purl vers specification: {@code <, <=, >, >=, =, !=}; a bare version means
 * {@code =}. The versions are compared only when matching, with the scheme of the package at hand, so one constraint
 * text serves any package format.
 *
 * @param text         the constraint as written
 * @param alternatives the alternatives (or), each a non-empty list of comparisons (and)
 */
public record VersionConstraint(String text, List<List<Comparison>> alternatives) {
    public VersionConstraint {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alternatives, "alternatives");
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs at least one alternative: '" + text + "'");
        }
        alternatives = alternatives.stream().map(List::copyOf).toList();
        if (alternatives.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every alternative needs at least one comparison: '" + text + "'");
        }
    }

    /**
     * Parses a constraint. Whitespace around operators and separators is optional.
     *
     * @throws InvalidConstraintException for empty text, an unknown operator ({@code =>}, {@code ==}, {@code ~>}), an
     *                                    empty alternative ({@code 1.0 |}, {@code | 1.0}, {@code , 1.0}) or a version
     *                                    with whitespace or control characters; the message names the offset
     */
    public static VersionConstraint parse(final String text) throws InvalidConstraintException {
        Objects.requireNonNull(text, "text");
        return new VersionConstraint(text, new ConstraintParser(text).alternatives());
    }

    /** Whether an installed version, ordered by {@code scheme}, satisfies this constraint. */
    public boolean matches(final String version, final VersionScheme scheme) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scheme, "scheme");
        return alternatives.stream().anyMatch(all -> all.stream()
                .allMatch(comparison -> scheme.satisfies(version, comparison.operator(), comparison.version())));
    }

    /**
     * One comparison with a version, such as {@code >= 3.0.13}.
     *
     * @param operator how the installed version must relate to {@code version}
     * @param version  the version to compare with, non-empty
     */
    public record Comparison(Operator operator, String version) {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
            if (version.isEmpty()) {
                throw new IllegalArgumentException("the version of a comparison is empty");
            }
        }

        @Override
        public String toString() {
            return operator.symbol() + " " + version;
        }
    }

    /** The operators of the purl vers specification. */
    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("="), NE("!=");

        private final String symbol;

        Operator(final String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a constraint. */
        public String symbol() {
            return symbol;
        }

        /** Whether a comparison result (installed against wanted: negative, zero, positive) satisfies this operator. */
        boolean accepts(final int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }
}
