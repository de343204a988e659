package io.github.guestinspect.guest;

import java.util.regex.Pattern;

/**
 * Shell-style globs over paths from an image: {@code *} and {@code ?} never cross a '/', and match every other
 * character, newlines included (java.nio's glob does not match a newline, so a file named with one could hide from
 * a rule). A class {@code [...]} reads as fnmatch reads it: '!' or '^' first negates, ']' first is a member, a-z is a
 * range, every other character is itself; as the runner matches one name at a time, a class never matches a '/' and
 * may not hold one. Each character reaches the regular expression escaped, so no Java regex syntax ('&&', nested
 * classes) leaks through and a policy can never make it fail to compile.
 */
public final class GuestGlob {
    private final Pattern pattern;

    private GuestGlob(final Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException for an unclosed '[', a '/' inside '[...]' or a reversed range */
    public static GuestGlob compile(final String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '[') {
                i = appendClass(glob, i + 1, regex);
                continue;
            }
            if (c == '*') {
                regex.append("[^/]*");
            }
            else if (c == '?') {
                regex.append("[^/]");
            }
            else {
                regex.append(literal(c));
            }
            i++;
        }
        return new GuestGlob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Appends the class that starts at {@code start} (after its '['); returns the index after its ']'. */
    private static int appendClass(final String glob, final int start, final StringBuilder regex) {
        int i = start;
        boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder members = new StringBuilder();
        int first = i;
        while (i >= glob.length() || glob.charAt(i) != ']' || i == first) {
            if (i >= glob.length()) {
                throw new IllegalArgumentException("unclosed '[' in the glob " + glob);
            }
            char from = glob.charAt(i);
            boolean range = i + 2 < glob.length() && glob.charAt(i + 1) == '-' && glob.charAt(i + 2) != ']';
            char to = range ? glob.charAt(i + 2) : from;
            if (from == '/' || to == '/') {
                throw new IllegalArgumentException("'/' inside '[...]' in the glob " + glob
                        + " (a class matches one character of a name)");
            }
            if (to < from) {
                throw new IllegalArgumentException("the range '" + from + "-" + to + "' runs backwards in the glob "
                        + glob);
            }
            members.append(literal(from));
            if (range) {
                members.append('-').append(literal(to));
            }
            i += range ? 3 : 1;
        }
        regex.append('[').append(negated ? "^/" : "").append(members).append(']');
        return i + 1;
    }

    private static String literal(final char c) {
        return String.format("\\x{%x}", (int) c);
    }

    public boolean matches(final String path) {
        return pattern.matcher(path).matches();
    }
}
