package io.github.guestinspect.guest;

import java.util.regex.Pattern;

/**
 * Shell-style globs over paths from an image: {@code *} and {@code ?} never cross a '/', and match every other
 * character, newlines included (java.nio's glob does not match a newline, so a file named with one could hide from
 * a rule). {@code [...]} classes are those of fnmatch: {@code [!...]} (or {@code [^...]}) negates, ranges such as
 * {@code [a-z]} work, and a class never matches '/' either.
 */
public final class GuestGlob {
    private final Pattern pattern;

    private GuestGlob(final Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException for an unclosed {@code [} or an empty class
     */
    public static GuestGlob compile(final String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        boolean classEmpty = false;
        boolean negated = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                if (classEmpty && !negated && (c == '!' || c == '^')) {
                    regex.append("^/"); // like * and ?, a class stays within one path segment
                    negated = true;
                }
                else if (c == ']') {
                    if (classEmpty) {
                        throw new IllegalArgumentException("empty '[]' in the glob " + glob);
                    }
                    regex.append(negated ? "]" : "&&[^/]]");
                    inClass = false;
                }
                else {
                    // Java reads '[', '&&' and '\' inside a class as syntax of its own: here they are characters
                    regex.append(c == '[' || c == '&' || c == '\\' ? "\\" + c : String.valueOf(c));
                    classEmpty = false;
                }
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
                classEmpty = true;
                negated = false;
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
