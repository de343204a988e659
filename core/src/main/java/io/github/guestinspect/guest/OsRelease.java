package io.github.guestinspect.guest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of an os-release file (freedesktop.org format: KEY=value, shell-style quoting).
 *
 * @param fields every well-formed assignment, in file order
 */
public record OsRelease(Map<String, String> fields) {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z0-9_]+)=(.*)$");

    public OsRelease {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Parses an os-release file; malformed lines are skipped. */
    public static OsRelease parse(final byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : GuestText.lines(content)) {
            Matcher matcher = ASSIGNMENT.matcher(line.strip());
            if (matcher.matches()) {
                fields.put(matcher.group(1), unquote(matcher.group(2).strip()));
            }
        }
        return new OsRelease(fields);
    }

    private static String unquote(final String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            String inner = value.substring(1, value.length() - 1);
            return value.charAt(0) == '"' ? inner.replaceAll("\\\\([\"\\\\$`])", "$1") : inner;
        }
        return value;
    }

    public Optional<String> get(final String key) {
        return Optional.ofNullable(fields.get(key)).filter(value -> !value.isEmpty());
    }
}
