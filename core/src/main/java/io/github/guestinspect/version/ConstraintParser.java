package io.github.guestinspect.version;

import io.github.guestinspect.version.VersionConstraint.Comparison;
import io.github.guestinspect.version.VersionConstraint.Operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses the text of a {@link VersionConstraint}: {@code alternative ('|' alternative)*}, an alternative being
 * {@code comparison (',' comparison)*} and a comparison {@code [operator] version}. Strict on purpose: a constraint
 * decides whether a package is flagged, so a typo ({@code =>}, a dangling {@code |}, a space inside a version) must
 * be reported with its position instead of silently meaning something else.
 */
final class ConstraintParser {
    private static final String OPERATOR_CHARACTERS = "<>=!~";
    private static final String SEPARATORS = ",|";
    private static final String JOIN_HINT = " (join comparisons with ',' or '|')";

    private final String text;
    private int position;

    ConstraintParser(final String text) {
        this.text = text;
    }

    List<List<Comparison>> alternatives() throws InvalidConstraintException {
        List<List<Comparison>> alternatives = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        Optional<Character> separator = Optional.empty();
        while (true) {
            comparisons.add(comparison(separator));
            skipWhitespace();
            if (position == text.length()) {
                alternatives.add(comparisons);
                return alternatives;
            }
            char next = text.charAt(position);
            if (next == '|') {
                alternatives.add(comparisons);
                comparisons = new ArrayList<>();
            }
            else if (Character.isISOControl(next)) {
                throw failure(String.format("control character U+%04X", (int) next), "");
            }
            else if (next != ',') {
                throw unexpectedAfterVersion(next);
            }
            separator = Optional.of(next);
            position++;
        }
    }

    private Comparison comparison(final Optional<Character> previousSeparator) throws InvalidConstraintException {
        skipWhitespace();
        if (position == text.length()) {
            throw failure(previousSeparator.map(s -> "expected a comparison after '" + s + "'")
                    .orElse("constraint is empty"), "");
        }
        if (SEPARATORS.indexOf(text.charAt(position)) >= 0) {
            throw failure("expected a comparison before '" + text.charAt(position) + "'", "");
        }
        Optional<Operator> operator = operator();
        skipWhitespace();
        String version = version();
        if (version.isEmpty()) {
            // only reachable after an operator: without one, the first character was a version character
            throw failure("expected a version after '" + operator.orElseThrow().symbol() + "'", "");
        }
        return new Comparison(operator.orElse(Operator.EQ), version);
    }

    /** The operator at the position, consumed; empty for a bare version (which may start with '~'). */
    private Optional<Operator> operator() throws InvalidConstraintException {
        int start = position;
        int end = start;
        while (end < text.length() && OPERATOR_CHARACTERS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        String symbol = text.substring(start, end);
        if (symbol.chars().allMatch(c -> c == '~')) {
            return Optional.empty();
        }
        Optional<Operator> operator = Arrays.stream(Operator.values())
                .filter(candidate -> candidate.symbol().equals(symbol)).findFirst();
        if (operator.isEmpty()) {
            throw failure("unknown operator '" + symbol + "'", " (the operators are <, <=, >, >=, =, !=)");
        }
        position = end;
        return operator;
    }

    private String version() throws InvalidConstraintException {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (isWhitespace(c) || SEPARATORS.indexOf(c) >= 0 || "<>=!".indexOf(c) >= 0) {
                break;
            }
            if (Character.isISOControl(c)) {
                throw failure(String.format("control character U+%04X", (int) c), "");
            }
            position++;
        }
        return text.substring(start, position);
    }

    private InvalidConstraintException unexpectedAfterVersion(final char next) {
        int afterVersion = position;
        while (afterVersion > 0 && isWhitespace(text.charAt(afterVersion - 1))) {
            afterVersion--;
        }
        if (afterVersion < position) {
            position = afterVersion;
            return failure("whitespace in a version", JOIN_HINT);
        }
        return failure("unexpected '" + next + "' after a version", JOIN_HINT);
    }

    private void skipWhitespace() {
        while (position < text.length() && isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isWhitespace(final char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private InvalidConstraintException failure(final String problem, final String hint) {
        return new InvalidConstraintException(
                problem + " at position " + position + " in '" + printable(text) + "'" + hint, position);
    }

    /** The constraint for a one-line message: control characters (tabs and newlines too) as \\uXXXX. */
    private static String printable(final String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.chars().forEach(c -> printable.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return printable.toString();
    }
}
