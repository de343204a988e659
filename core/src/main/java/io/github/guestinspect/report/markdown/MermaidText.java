package io.github.guestinspect.report.markdown;

/**
 * Labels for Mermaid diagrams. Mermaid has no escaping that every renderer honours (quotes end a label, brackets
 * and braces end lists and nodes, {@code #...;} is an entity, {@code %%} a comment, {@code <...>} HTML), so a label
 * keeps only letters, digits, spaces and {@code . _ - + /}; anything else becomes {@code _}.
 */
final class MermaidText {
    /** Longest label, in code points. */
    static final int LABEL_LIMIT = 32;

    private MermaidText() {
    }

    /** The label inside double quotes: {@code "web-01.qcow2"}. */
    static String quoted(final String text) {
        return '"' + label(text) + '"';
    }

    /** The text reduced to safe characters, shortened, never empty. */
    static String label(final String text) {
        StringBuilder label = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean safe = Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '-' || c == '+'
                    || c == '/';
            label.appendCodePoint(safe ? c : '_');
        });
        String clean = label.toString().replaceAll(" {2,}", " ").strip();
        if (clean.codePointCount(0, clean.length()) > LABEL_LIMIT) {
            clean = "..." + clean.substring(clean.offsetByCodePoints(clean.length(), -(LABEL_LIMIT - 3)));
        }
        return clean.isEmpty() ? "_" : clean;
    }
}
