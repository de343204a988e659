package io.github.guestinspect.version;

/**
 * rpm's {@code rpmvercmp} (rpmio/rpmvercmp.c, rpm 4.15 and later), reimplemented because the ordering of one
 * version or release string is where rpm's rules live:
 * <ul>
 * <li>only ASCII letters and digits carry meaning; every other character separates segments, so "1.0", "1_0" and
 * "1..0" are the same version;</li>
 * <li>a digit run is compared as a number of any length, a letter run by its bytes, and a digit run is newer than a
 * letter run ("1.1" is newer than "1.a");</li>
 * <li>'~' sorts before everything, even the end ("1.0~rc1" is older than "1.0");</li>
 * <li>'^' sorts after the end but before any further segment ("1.0^git1" is newer than "1.0", older than
 * "1.0.1");</li>
 * <li>when all segments agree, the side with segments left over is newer.</li>
 * </ul>
 */
final class RpmVerCmp {
    private RpmVerCmp() {
    }

    /** Compares two version (or release, or epoch) strings; any strings, never fails. */
    static int compare(final String left, final String right) {
        if (left.equals(right)) {
            return 0;
        }
        int one = 0;
        int two = 0;
        while (one < left.length() || two < right.length()) {
            one = skipSeparators(left, one);
            two = skipSeparators(right, two);
            char a = charAt(left, one);
            char b = charAt(right, two);
            if (a == '~' || b == '~') {
                if (a != '~') {
                    return 1;
                }
                if (b != '~') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (a == '^' || b == '^') {
                if (one == left.length()) {
                    return -1;
                }
                if (two == right.length()) {
                    return 1;
                }
                if (a != '^') {
                    return 1;
                }
                if (b != '^') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (one == left.length() || two == right.length()) {
                break;
            }
            boolean numeric = isDigit(a);
            int oneEnd = segmentEnd(left, one, numeric);
            int twoEnd = segmentEnd(right, two, numeric);
            if (twoEnd == two) {
                // the segments differ in kind: a number is newer than letters
                return numeric ? 1 : -1;
            }
            int result = numeric
                    ? compareNumbers(left.substring(one, oneEnd), right.substring(two, twoEnd))
                    : left.substring(one, oneEnd).compareTo(right.substring(two, twoEnd));
            if (result != 0) {
                return result < 0 ? -1 : 1;
            }
            one = oneEnd;
            two = twoEnd;
        }
        boolean oneLeft = one < left.length();
        boolean twoLeft = two < right.length();
        if (oneLeft == twoLeft) {
            return 0;
        }
        return oneLeft ? 1 : -1;
    }

    private static int skipSeparators(final String text, final int from) {
        int index = from;
        while (index < text.length() && isSeparator(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static boolean isSeparator(final char c) {
        return !isDigit(c) && !isLetter(c) && c != '~' && c != '^';
    }

    private static int segmentEnd(final String text, final int from, final boolean numeric) {
        int index = from;
        while (index < text.length() && (numeric ? isDigit(text.charAt(index)) : isLetter(text.charAt(index)))) {
            index++;
        }
        return index;
    }

    /** Numbers of any length: leading zeros dropped, then the longer is larger, then digit by digit. */
    static int compareNumbers(final String left, final String right) {
        String a = stripLeadingZeros(left);
        String b = stripLeadingZeros(right);
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }

    private static String stripLeadingZeros(final String digits) {
        int index = 0;
        while (index < digits.length() && digits.charAt(index) == '0') {
            index++;
        }
        return digits.substring(index);
    }

    private static char charAt(final String text, final int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(final char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
