package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.guestinspect.version.VersionConstraint;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A package a rule names: a name or glob ({@code rsh-*}), optionally with a version constraint. Written in the
 * policy as a plain string or as {@code {name: openssl, version: "< 3.0.11-1"}}.
 *
 * @param name    the package name; {@code *} and {@code ?} are wildcards
 * @param version the constraint text, empty when any version matches
 */
public record PackageMatcher(String name, Optional<String> version) {
    public PackageMatcher {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a package name must not be empty");
        }
        version.ifPresent(Constraints::parse);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PackageMatcher ofName(final String name) {
        return new PackageMatcher(name, Optional.empty());
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static PackageMatcher of(@JsonProperty(value = "name", required = true) final String name,
                             @JsonProperty("version") final String version) {
        return new PackageMatcher(name, Optional.ofNullable(version));
    }

    @JsonIgnore
    public Optional<VersionConstraint> constraint() {
        return version.flatMap(text -> Constraints.parse(text));
    }

    /** True when a package name matches the name or glob. */
    public boolean matchesName(final String packageName) {
        return Glob.toPattern(name).matcher(packageName).matches();
    }

    /** How the matcher reads in a message: {@code openssl < 3.0.11-1}. */
    public String describe() {
        return name + version.map(text -> " " + text).orElse("");
    }

    /** Wildcards of package names and image names: * and ?, everything else literal. */
    static final class Glob {
        private Glob() {
        }

        static Pattern toPattern(final String glob) {
            StringBuilder regex = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*') {
                    regex.append(".*");
                }
                else if (c == '?') {
                    regex.append('.');
                }
                else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
