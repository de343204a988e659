package io.github.guestinspect.guest;

import java.util.regex.Pattern;

/**
 * Shell-style globs over paths from an image: {@code *} and {@code ?} never cross a '/', and match every other
 * character, newlines included (java.nio's glob does not match a newline, so a file named with one could hide from
 * a rule). {@code [...]} classes are passed through; as the runner matches one name at a time, a class may not hold
 * a '/'.
 */
public final class GuestGlob {
    private final Pattern pattern;

    private GuestGlob(final Pattern pattern) {
        this.pattern = pattern;
    }

    public static GuestGlob compile(final String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                if (c == '/') { // the runner matches one name at a time: a class spanning '/' could never match
                    throw new IllegalArgumentException("'/' inside '[...]' in the glob " + glob
                            + " (a class matches one character of a name)");
                }
                regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
                inClass = c != ']';
            }
            else if (c == '*') {
                regex.append("[^/]*");
            }
            else if (c == '?') {
                regex.append("[^/]");
            }
            else if (c == '[') {
                regex.append('[');
                inClass = true;
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) {
            throw new IllegalArgumentException("unclosed '[' in the glob " + glob);
        }
        return new GuestGlob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(final String path) {
        return pattern.matcher(path).matches();
    }
}
