package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An exception to a rule for some images, until a date: {@code {image: "legacy-*.qcow2", until: 2027-03-31,
 * reason: "..."}}. A waiver past its date no longer applies and is itself reported.
 *
 * @param image  a glob over the image's file name (or its path as given)
 * @param until  the last day the waiver applies
 * @param reason why (shown in every report)
 */
public record Waiver(@JsonProperty(value = "image", required = true) String image,
                     @JsonProperty(value = "until", required = true) LocalDate until,
                     @JsonProperty(value = "reason", required = true) String reason) {
    public Waiver {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    /** True when the image's file name or path as given matches. */
    public boolean covers(final String fileName, final String path) {
        return PackageMatcher.Glob.toPattern(image).matcher(fileName).matches()
                || PackageMatcher.Glob.toPattern(image).matcher(path).matches();
    }

    public boolean isExpired(final LocalDate today) {
        return today.isAfter(until);
    }
}
