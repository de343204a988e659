package io.github.guestinspect.policy;

import io.github.guestinspect.version.InvalidConstraintException;
import io.github.guestinspect.version.VersionConstraint;

import java.util.Optional;

/** Parses the optional version constraints of a policy, turning a bad one into an error the parser locates. */
final class Constraints {
    private Constraints() {
    }

    static Optional<VersionConstraint> parse(final String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionConstraint.parse(text));
        }
        catch (InvalidConstraintException exception) {
            throw new IllegalArgumentException("bad version constraint: " + exception.getMessage(), exception);
        }
    }
}
