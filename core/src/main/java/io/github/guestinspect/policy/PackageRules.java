package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The packages a {@code forbid} or {@code require} block names.
 *
 * @param packages the matchers
 */
public record PackageRules(@JsonProperty(value = "packages", required = true) List<PackageMatcher> packages) {
    public PackageRules {
        packages = List.copyOf(packages);
    }
}
