package io.github.guestinspect.version;

import java.util.List;

/**
 * apk-tools' version order (src/version.c of apk-tools 3, {@code apk_version_compare}), reimplemented because no Java
 * library has it. An apk version is {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}; both versions are cut
 * into tokens and compared token by token:
 * <ul>
 * <li>the first number compares numerically; a later number compares numerically too, unless either side starts with
 * '0', then as text (so "1.01" is older than "1.1", and "1.010" older than "1.09");</li>
 * <li>the letter after the last number compares by its code ("1.0a" is older than "1.0b");</li>
 * <li>suffixes order {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, each optionally
 * followed by a number;</li>
 * <li>{@code ~hash} (lowercase hex) compares as text, {@code -rN} numerically;</li>
 * <li>when one side runs out of tokens, or the kinds of the next tokens differ, the side with a pre-release suffix
 * ({@code _alpha} to {@code _rc}) next is older, and otherwise the side whose next token comes later in the grammar
 * (the end, a revision, a hash, a suffix number, a suffix, a letter, a number) is older.</li>
 * </ul>
 * A character that the grammar does not allow ends the version with an "invalid" token, which sorts just before
 * the end; two versions that become invalid at the same token compare equal, as in apk. Numbers are compared
 * exactly, where apk wraps them at 2^64 (numbers of twenty digits and more).
 * <p>
 * apk-tools 2.x (Alpine up to 3.22) lexes leading zeros differently and knows no {@code ~hash}; the orders agree
 * except for numbers with leading zeros of different lengths ("1.010" against "1.09") and hashes.
 */
final class ApkVersionOrder {
    /** apk's suffixes in order; "" stands for "no suffix" between pre-releases and post-releases. */
    private static final List<String> SUFFIXES =
            List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int NO_SUFFIX = SUFFIXES.indexOf("");

    private ApkVersionOrder() {
    }

    /** Compares two apk versions; any strings, never fails. */
    static int compare(final String left, final String right) {
        Lexer a = new Lexer(CStrings.untilNul(left));
        Lexer b = new Lexer(CStrings.untilNul(right));
        while (a.kind == b.kind && a.kind.compareTo(Kind.END) < 0) {
            int result = compareTokens(a, b);
            if (result != 0) {
                return result;
            }
            a.next();
            b.next();
        }
        if (a.kind == b.kind) {
            return 0;
        }
        if (a.isPreReleaseSuffix()) {
            return -1;
        }
        if (b.isPreReleaseSuffix()) {
            return 1;
        }
        return a.kind.compareTo(b.kind) > 0 ? -1 : 1;
    }

    private static int compareTokens(final Lexer a, final Lexer b) {
        return switch (a.kind) {
            case DIGIT -> a.value.startsWith("0") || b.value.startsWith("0")
                    ? a.value.compareTo(b.value)
                    : RpmVerCmp.compareNumbers(a.value, b.value);
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> RpmVerCmp.compareNumbers(a.value, b.value);
            case SUFFIX -> Integer.compare(a.suffix, b.suffix);
            default -> a.value.compareTo(b.value);
        };
    }

    /** Token kinds in apk's order: a later kind next means an older version (pre-release suffixes aside). */
    private enum Kind { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END, INVALID }

    /** Walks one version token by token, as apk's {@code token_first}/{@code token_next}. */
    private static final class Lexer {
        private final String text;
        private int position;
        private Kind kind = Kind.INITIAL_DIGIT;
        private String value = "";
        private int suffix = NO_SUFFIX;

        Lexer(final String text) {
            this.text = text;
            digits();
        }

        boolean isPreReleaseSuffix() {
            return kind == Kind.SUFFIX && suffix < NO_SUFFIX;
        }

        void next() {
            if (position == text.length()) {
                kind = Kind.END;
                return;
            }
            char c = text.charAt(position);
            if (c >= 'a' && c <= 'z') {
                letter(c);
            }
            else if (c == '.' || isDigit(c)) {
                number(c == '.');
            }
            else if (c == '_') {
                suffix();
            }
            else if (c == '~') {
                hash();
            }
            else if (c == '-') {
                revision();
            }
            else {
                kind = Kind.INVALID;
            }
        }

        private void letter(final char c) {
            if (kind.compareTo(Kind.DIGIT) > 0) {
                kind = Kind.INVALID;
                return;
            }
            position++;
            value = String.valueOf(c);
            kind = Kind.LETTER;
        }

        private void number(final boolean dot) {
            if (dot && kind.compareTo(Kind.DIGIT) > 0) {
                kind = Kind.INVALID;
                return;
            }
            if (dot) {
                position++;
            }
            kind = switch (kind) {
                case INITIAL_DIGIT, DIGIT -> Kind.DIGIT;
                case SUFFIX -> Kind.SUFFIX_NO;
                default -> Kind.INVALID;
            };
            if (kind != Kind.INVALID) {
                digits();
            }
        }

        private void suffix() {
            if (kind.compareTo(Kind.SUFFIX_NO) > 0) {
                kind = Kind.INVALID;
                return;
            }
            position++;
            value = span('a', 'z', 'a', 'z');
            suffix = value.isEmpty() ? -1 : SUFFIXES.indexOf(value);
            kind = suffix < 0 ? Kind.INVALID : Kind.SUFFIX;
        }

        private void hash() {
            if (kind.compareTo(Kind.COMMIT_HASH) >= 0) {
                kind = Kind.INVALID;
                return;
            }
            position++;
            value = span('0', '9', 'a', 'f');
            kind = value.isEmpty() ? Kind.INVALID : Kind.COMMIT_HASH;
        }

        private void revision() {
            if (kind.compareTo(Kind.REVISION_NO) >= 0 || !text.startsWith("-r", position)) {
                kind = Kind.INVALID;
                return;
            }
            position += 2;
            kind = Kind.REVISION_NO;
            digits();
        }

        /** apk's {@code token_parse_digits}: a number must have at least one digit. */
        private void digits() {
            value = span('0', '9', '0', '9');
            if (value.isEmpty()) {
                kind = Kind.INVALID;
            }
        }

        /** The longest run from the current position of characters in either range, consumed. */
        private String span(final char from, final char to, final char alsoFrom, final char alsoTo) {
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (!(c >= from && c <= to || c >= alsoFrom && c <= alsoTo)) {
                    break;
                }
                position++;
            }
            return text.substring(start, position);
        }

        private static boolean isDigit(final char c) {
            return c >= '0' && c <= '9';
        }
    }
}
