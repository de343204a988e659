package io.github.guestinspect.version;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * A version as dpkg splits it, {@code [epoch:]upstream[-revision]}, ordered exactly as dpkg's
 * {@code dpkg_version_compare} (lib/dpkg/version.c) orders it.
 * <p>
 * Written here rather than taken from versatile-core, whose {@code DebianVersion} throws on versions dpkg accepts
 * (digit runs beyond {@code int}, such as {@code 1.20230717123456}, and characters dpkg only warns about, such as
 * {@code 1.0_1}), splits the revision elsewhere than dpkg when it holds such characters ({@code 1:1.0-1:2}), and throws
 * on malformed input, where a policy needs an answer instead.
 * <p>
 * Splitting follows dpkg's {@code parseversion}: blanks around the version are ignored, the epoch is the part
 * before the first colon, the revision the part after the last hyphen. Where dpkg refuses a version, it still sorts
 * deterministically: an epoch that is not a number (or nothing after the colon) makes the epoch 0 and keeps the text
 * whole, an empty revision counts as none.
 * <p>
 * The empty string is no version at all, and sorts before every version, as in {@code dpkg --compare-versions}
 * (which also reads its placeholder {@code <unknown>} so).
 *
 * @param blank    whether this is no version (the empty string)
 * @param epoch    the epoch, 0 when absent
 * @param upstream the upstream version
 * @param revision the Debian revision, "" when absent (dpkg treats absent and "0" alike)
 */
record DebianVersion(boolean blank, long epoch, String upstream, String revision) implements Comparable<DebianVersion> {
    /** dpkg stores the epoch in an {@code int} and refuses larger ones. */
    private static final long MAX_EPOCH = Integer.MAX_VALUE;
    private static final DebianVersion NONE = new DebianVersion(true, 0, "", "");

    /** Splits a version the way dpkg does; never fails. */
    static DebianVersion parse(final String text) {
        String raw = CStrings.untilNul(text);
        if (raw.isEmpty() || raw.equals("<unknown>")) {
            return NONE;
        }
        String version = stripBlanks(raw);
        long epoch = 0;
        int colon = version.indexOf(':');
        if (colon >= 0 && colon + 1 < version.length()) {
            OptionalLong parsed = parseEpoch(version.substring(0, colon));
            if (parsed.isPresent()) {
                epoch = parsed.getAsLong();
                version = version.substring(colon + 1);
            }
        }
        int hyphen = version.lastIndexOf('-');
        if (hyphen < 0) {
            return new DebianVersion(false, epoch, version, "");
        }
        return new DebianVersion(false, epoch, version.substring(0, hyphen), version.substring(hyphen + 1));
    }

    @Override
    public int compareTo(final DebianVersion other) {
        int result = Boolean.compare(!blank, !other.blank);
        if (result == 0) {
            result = Long.compare(epoch, other.epoch);
        }
        if (result == 0) {
            result = verrevcmp(upstream, other.upstream);
        }
        if (result == 0) {
            result = verrevcmp(revision, other.revision);
        }
        return result;
    }

    /**
     * dpkg's {@code verrevcmp}: alternately a run of non-digits, compared character by character with {@link #order},
     * and a run of digits, compared as a number of any length. Works on the UTF-8 bytes, as dpkg (which only warns
     * about non-ASCII) does.
     */
    static int verrevcmp(final String left, final String right) {
        byte[] a = left.getBytes(StandardCharsets.UTF_8);
        byte[] b = right.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            while (i < a.length && !isDigit(a[i]) || j < b.length && !isDigit(b[j])) {
                int difference = order(a, i) - order(b, j);
                if (difference != 0) {
                    return difference;
                }
                i++;
                j++;
            }
            while (i < a.length && a[i] == '0') {
                i++;
            }
            while (j < b.length && b[j] == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length && j < b.length && isDigit(a[i]) && isDigit(b[j])) {
                if (firstDifference == 0) {
                    firstDifference = a[i] - b[j];
                }
                i++;
                j++;
            }
            if (i < a.length && isDigit(a[i])) {
                return 1;
            }
            if (j < b.length && isDigit(b[j])) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    /**
     * dpkg's {@code order}: the end of the string and digits weigh 0, '~' sorts before them (so "1.0~rc1" is older than
     * "1.0"), ASCII letters by their code, every other byte after all letters. Bytes are signed as C's {@code char}
     * on the platforms dpkg runs on, so non-ASCII bytes land between the letters and the ASCII punctuation.
     */
    private static int order(final byte[] text, final int index) {
        if (index >= text.length) {
            return 0;
        }
        byte c = text[index];
        if (isDigit(c)) {
            return 0;
        }
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(final byte c) {
        return c >= '0' && c <= '9';
    }

    /** As C's {@code strtol} followed by dpkg's checks: optional spaces and sign, digits, 0 to {@code INT_MAX}. */
    private static OptionalLong parseEpoch(final String text) {
        int index = 0;
        while (index < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
        boolean negative = false;
        if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
            negative = text.charAt(index) == '-';
            index++;
        }
        if (index == text.length()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            value = value * 10 + (c - '0');
            if (value > MAX_EPOCH) {
                return OptionalLong.empty();
            }
        }
        if (negative && value != 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /** dpkg ignores spaces and tabs around a version. */
    private static String stripBlanks(final String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(final char c) {
        return c == ' ' || c == '\t';
    }
}
