package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a violated rule matters: error fails the build, warning marks it unstable, info only reports. */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonCreator
    public static Severity parse(final String text) {
        for (Severity severity : values()) {
            if (severity.label().equals(text)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or info)");
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as the other. */
    public boolean isAtLeast(final Severity other) {
        return ordinal() <= other.ordinal();
    }
}
