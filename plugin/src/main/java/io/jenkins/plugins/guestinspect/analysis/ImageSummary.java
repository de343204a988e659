package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.guestinspect.diff.PackageChange;

/**
 * One image in a build's summary: a small, XStream-friendly class (no record: records cannot be restored by
 * XStream). Strings come from images: untrusted, escaped wherever they are shown.
 */
public final class ImageSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String status;
    private final String failure;
    private final String os;
    private final String distro;
    private final String version;
    private final String hostname;
    private final String architecture;
    private final int packages;
    private final boolean cacheHit;
    private final long millis;
    private final SeverityCounts violations;
    private final int newViolations;
    private final int fixedViolations;
    /** Null when the image was not compared with a reference build (XStream keeps no Optional). */
    private final PackageChangeCounts packageChanges;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ImageSummary(final String path, final String status, final String failure, final String os,
                        final String distro, final String version, final String hostname, final String architecture,
                        final int packages, final boolean cacheHit, final long millis,
                        final SeverityCounts violations, final int newViolations, final int fixedViolations,
                        final Optional<PackageChangeCounts> packageChanges) {
        this.path = Objects.requireNonNull(path, "path");
        this.status = Objects.requireNonNull(status, "status");
        this.failure = Objects.requireNonNull(failure, "failure");
        this.os = Objects.requireNonNull(os, "os");
        this.distro = Objects.requireNonNull(distro, "distro");
        this.version = Objects.requireNonNull(version, "version");
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.packages = packages;
        this.cacheHit = cacheHit;
        this.millis = millis;
        this.violations = Objects.requireNonNull(violations, "violations");
        this.newViolations = newViolations;
        this.fixedViolations = fixedViolations;
        this.packageChanges = packageChanges.orElse(null);
    }

    public String getPath() {
        return path;
    }

    /** INSPECTED, NO_OS_FOUND or FAILED. */
    public String getStatus() {
        return status;
    }

    public boolean isFailed() {
        return "FAILED".equals(status);
    }

    /** Why it failed, "" otherwise. */
    public String getFailure() {
        return failure;
    }

    /** The product name of the first OS root ("Debian GNU/Linux 12 (bookworm)"), "" without one. */
    public String getOs() {
        return os;
    }

    public String getDistro() {
        return distro;
    }

    public String getVersion() {
        return version;
    }

    public String getHostname() {
        return hostname;
    }

    public String getArchitecture() {
        return architecture;
    }

    public int getPackages() {
        return packages;
    }

    public boolean isCacheHit() {
        return cacheHit;
    }

    public long getMillis() {
        return millis;
    }

    /** The active violations by severity. */
    public SeverityCounts getViolations() {
        return violations;
    }

    /** Active violations the reference build did not have (0 without a reference). */
    public int getNewViolations() {
        return newViolations;
    }

    /** Violations of the reference build this image no longer has (0 without a reference). */
    public int getFixedViolations() {
        return fixedViolations;
    }

    /** The package changes against the reference build; empty when the image was not compared with one. */
    public Optional<PackageChangeCounts> getPackageChanges() {
        return Optional.ofNullable(packageChanges);
    }

    /**
     * The image for Scripted Pipeline: only JDK maps and lists of strings, numbers and booleans (CPS-serializable,
     * sandbox-readable).
     *
     * @param changes the image's package changes against the reference build (empty when not compared)
     */
    public Map<String, Object> toMap(final List<PackageChange> changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("status", status);
        map.put("failure", failure);
        map.put("os", os);
        map.put("distro", distro);
        map.put("version", version);
        map.put("hostname", hostname);
        map.put("architecture", architecture);
        map.put("packages", packages);
        map.put("cacheHit", cacheHit);
        map.put("violations", violations.toMap());
        map.put("newViolations", newViolations);
        map.put("fixedViolations", fixedViolations);
        map.put("packageChanges", getPackageChanges().map(PackageChangeCounts::toMap).orElseGet(LinkedHashMap::new));
        List<Object> changed = new ArrayList<>();
        for (PackageChange change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", change.name());
            entry.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            entry.put("before", change.before());
            entry.put("after", change.after());
            changed.add(entry);
        }
        map.put("changedPackages", changed);
        return map;
    }
}
