package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule of a policy. A rule may combine several checks; each failing check is one violation.
 *
 * @param id          unique, shown in every report (letters, digits, '-', '_', '.')
 * @param description what the rule is for
 * @param severity    error, warning or info
 * @param forbid      packages that must not be installed
 * @param require     packages that must be installed (in a version that satisfies the constraint)
 * @param os          the allowed operating systems (any one of them)
 * @param files       conditions on paths inside each root
 * @param accounts    conditions on /etc/shadow that must not hold
 * @param image       size limits of the image
 * @param except      waivers
 */
public record Rule(@JsonProperty(value = "id", required = true) String id,
                   @JsonProperty("description") Optional<String> description,
                   @JsonProperty(value = "severity", required = true) Severity severity,
                   @JsonProperty("forbid") Optional<PackageRules> forbid,
                   @JsonProperty("require") Optional<PackageRules> require,
                   @JsonProperty("os") List<OsMatcher> os,
                   @JsonProperty("files") List<FileRule> files,
                   @JsonProperty("accounts") List<AccountCheck> accounts,
                   @JsonProperty("image") Optional<ImageLimits> image,
                   @JsonProperty("except") List<Waiver> except) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public Rule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id.replaceAll("\\p{Cntrl}", "?")
                    + "' must be 1-100 letters, digits, '.', '-' or '_'");
        }
        Objects.requireNonNull(severity, "severity");
        description = orEmpty(description);
        forbid = orEmpty(forbid);
        require = orEmpty(require);
        image = orEmpty(image);
        os = os == null ? List.of() : List.copyOf(os);
        files = files == null ? List.of() : List.copyOf(files);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        except = except == null ? List.of() : List.copyOf(except);
        if (forbid.isEmpty() && require.isEmpty() && os.isEmpty() && files.isEmpty() && accounts.isEmpty()
                && image.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' checks nothing: give forbid, require, os, files,"
                    + " accounts or image");
        }
    }

    private static <T> Optional<T> orEmpty(final Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** The text reports show for the rule. */
    public String title() {
        return description.orElse(id);
    }
}
