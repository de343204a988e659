package io.github.guestinspect.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page with {@code {{name}}} slots. It is filled in one pass: a value is never scanned for slots, so text from an
 * image that looks like a slot stays text. Slots with an unknown name are refused when the template is read, so a
 * typo in a user's template fails before any image is inspected, by line. {@code {{!-- ... --}}} is a comment
 * that does not reach the page.
 */
final class Template {
    /** A slot, or a template comment {@code {{!-- ... --}}} (dropped, with the line break after it). */
    private static final Pattern SLOT = Pattern.compile(
            "\\{\\{!--.*?--}}(?:\\r?\\n)?|\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}", Pattern.DOTALL);

    private final String source;
    private final List<String> parts = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();

    Template(final String text, final String source, final Set<String> known) {
        this.source = source;
        Matcher matcher = SLOT.matcher(text);
        int end = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name == null) {
                parts.add(text.substring(end, matcher.start()));
                slots.add("");
                end = matcher.end();
                continue;
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException(source + ": line " + line(text, matcher.start())
                        + ": unknown placeholder {{" + name + "}}; known: " + String.join(", ", known.stream()
                        .sorted().toList()));
            }
            parts.add(text.substring(end, matcher.start()));
            slots.add(name);
            end = matcher.end();
        }
        parts.add(text.substring(end));
    }

    /** True when the template has the slot. */
    boolean uses(final String name) {
        return slots.contains(name);
    }

    String source() {
        return source;
    }

    /** A slot's value, written straight into the page, so a large one is never held as one more string. */
    @FunctionalInterface
    interface Value {
        void writeTo(Writer out) throws IOException;

        static Value of(final String text) {
            return out -> out.write(text);
        }
    }

    /** Writes the page with each slot replaced by its value (written as it is: escaping is the caller's). */
    void write(final Map<String, Value> values, final Writer out) throws IOException {
        for (int i = 0; i < slots.size(); i++) {
            out.write(parts.get(i));
            if (slots.get(i).isEmpty()) {
                continue;
            }
            Value value = values.get(slots.get(i));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + slots.get(i) + "}}");
            }
            value.writeTo(out);
        }
        out.write(parts.get(parts.size() - 1));
    }

    private static int line(final String text, final int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
