package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.guestinspect.version.VersionConstraint;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An allowed operating system: a distro (the os-release ID: debian, ubuntu, fedora, rhel, alpine, ...) and
 * optionally a version constraint on its VERSION_ID.
 *
 * @param distro  the distro ID
 * @param version the constraint, empty for any version
 */
public record OsMatcher(@JsonProperty(value = "distro", required = true) String distro,
                        @JsonProperty("version") Optional<String> version) {
    public OsMatcher {
        Objects.requireNonNull(distro, "distro");
        version = version == null ? Optional.empty() : version;
        version.ifPresent(Constraints::parse);
    }

    @JsonIgnore
    public Optional<VersionConstraint> constraint() {
        return version.flatMap(Constraints::parse);
    }

    public boolean matchesDistro(final String id) {
        return distro.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT));
    }

    public String describe() {
        return distro + version.map(text -> " " + text).orElse("");
    }
}
