package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import io.github.guestinspect.guest.GuestGlob;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition on a path or a glob inside each root: {@code {path: /etc/machine-id, must: be-empty}}.
 *
 * @param path an absolute path without wildcards (exactly one of path and glob)
 * @param glob an absolute glob ({@code *}, {@code ?} within one path segment)
 * @param must what must hold
 */
public record FileRule(Optional<String> path, Optional<String> glob, Must must) {
    public FileRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(must, "must");
        if (path.isPresent() == glob.isPresent()) {
            throw new IllegalArgumentException("a file rule needs exactly one of 'path' and 'glob'");
        }
        if (path.filter(FileRule::hasWildcard).isPresent()) { // the runner would expand it as a glob
            throw new IllegalArgumentException("'" + path.get().replaceAll("\\p{Cntrl}", "?")
                    + "' holds a wildcard ('*', '?' or '['): write it as 'glob', 'path' is one literal path");
        }
        String query = path.orElseGet(glob::orElseThrow);
        if (!query.startsWith("/") || query.contains("/../") || query.endsWith("/..")
                || query.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("'" + query.replaceAll("\\p{Cntrl}", "?")
                    + "' must be an absolute path without '..' or control characters");
        }
    }

    @JsonCreator
    static FileRule of(@JsonProperty("path") final String path, @JsonProperty("glob") final String glob,
                       @JsonProperty(value = "must", required = true) final Must must) {
        if (glob != null) {
            GuestGlob.compile(glob); // an unclosed [ is a policy error, not a surprise later
        }
        return new FileRule(Optional.ofNullable(path), Optional.ofNullable(glob), must);
    }

    private static boolean hasWildcard(final String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }

    /** The path or glob, as the runner looks it up. */
    public String query() {
        return path.or(() -> glob).orElseThrow();
    }

    /** What must hold for the path (or every path the glob matches). */
    public enum Must {
        NOT_EXIST("not-exist"), EXIST("exist"), BE_EMPTY("be-empty");

        private final String label;

        Must(final String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Must parse(final String text) {
            for (Must must : values()) {
                if (must.label.equals(text)) {
                    return must;
                }
            }
            throw new IllegalArgumentException("unknown file condition '" + text
                    + "' (expected not-exist, exist or be-empty)");
        }
    }
}
