package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Conditions on /etc/shadow a golden image should not meet. */
public enum AccountCheck {
    /** An account has a password hash: a secret baked into the image. */
    PASSWORD_SET("password-set"),
    /** An account has an empty password field: anyone may log in. */
    EMPTY_PASSWORD("empty-password");

    private final String label;

    AccountCheck(final String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static AccountCheck parse(final String text) {
        for (AccountCheck check : values()) {
            if (check.label.equals(text)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown account condition '" + text
                + "' (expected password-set or empty-password)");
    }
}
