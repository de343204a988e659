package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a build's image inspection found, small enough for the build page and the trend charts; the full results
 * (package lists, violations) stay in the build folder ({@link DetailsStore}). Persisted by XStream: plain fields.
 */
public final class InspectionSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String node;
    private final List<ImageSummary> images;
    private final int cacheHits;
    private final int failures;
    private final int toolFailures;
    private final int errors;
    private final int warnings;
    private final int infos;
    private final int waived;
    private final long wallMillis;
    private final long hashMillis;
    private final long launchMillis;
    private final long osMillis;
    private final long packageMillis;
    private final boolean policyUsed;
    private final List<GateOutcome> gates;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public InspectionSummary(final String node, final List<ImageSummary> images, final int cacheHits,
                             final int failures, final int toolFailures, final int errors, final int warnings,
                             final int infos, final int waived, final long wallMillis, final long hashMillis,
                             final long launchMillis, final long osMillis, final long packageMillis,
                             final boolean policyUsed, final List<GateOutcome> gates) {
        this.node = Objects.requireNonNull(node, "node");
        this.images = new ArrayList<>(images);
        this.cacheHits = cacheHits;
        this.failures = failures;
        this.toolFailures = toolFailures;
        this.errors = errors;
        this.warnings = warnings;
        this.infos = infos;
        this.waived = waived;
        this.wallMillis = wallMillis;
        this.hashMillis = hashMillis;
        this.launchMillis = launchMillis;
        this.osMillis = osMillis;
        this.packageMillis = packageMillis;
        this.policyUsed = policyUsed;
        this.gates = new ArrayList<>(gates);
    }

    /** What a broken summary file reads as. */
    public static InspectionSummary empty() {
        return new InspectionSummary("", List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, List.of());
    }

    public InspectionSummary withGates(final List<GateOutcome> outcomes) {
        return new InspectionSummary(node, images, cacheHits, failures, toolFailures, errors, warnings, infos,
                waived, wallMillis, hashMillis, launchMillis, osMillis, packageMillis, policyUsed, outcomes);
    }

    /** The node the images were inspected on ("" for the built-in node). */
    public String getNode() {
        return node;
    }

    public List<ImageSummary> getImages() {
        return List.copyOf(images);
    }

    public int getImageCount() {
        return images.size();
    }

    /** The distinct operating systems, in order of first appearance. */
    public List<String> getOperatingSystems() {
        return images.stream().map(ImageSummary::getOs).filter(os -> !os.isEmpty()).distinct().toList();
    }

    public int getCacheHits() {
        return cacheHits;
    }

    /** Share of images served from the cache, 0 to 1. */
    public double getCacheHitRatio() {
        return images.isEmpty() ? 0 : (double) cacheHits / images.size();
    }

    public int getFailures() {
        return failures;
    }

    public int getToolFailures() {
        return toolFailures;
    }

    public int getErrors() {
        return errors;
    }

    public int getWarnings() {
        return warnings;
    }

    public int getInfos() {
        return infos;
    }

    public int getWaived() {
        return waived;
    }

    public int getViolations() {
        return errors + warnings + infos;
    }

    public long getWallMillis() {
        return wallMillis;
    }

    public long getHashMillis() {
        return hashMillis;
    }

    public long getLaunchMillis() {
        return launchMillis;
    }

    public long getOsMillis() {
        return osMillis;
    }

    public long getPackageMillis() {
        return packageMillis;
    }

    public boolean isPolicyUsed() {
        return policyUsed;
    }

    public List<GateOutcome> getGates() {
        return List.copyOf(gates);
    }

    public List<GateOutcome> getFailedGates() {
        return gates.stream().filter(GateOutcome::isFailed).toList();
    }

    /** "1.4 s", "2 min 5 s". */
    public static String duration(final long millis) {
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis / 60_000 + " min " + millis % 60_000 / 1000 + " s";
    }

    public String getDuration() {
        return duration(wallMillis);
    }

    /**
     * The step's return value for Scripted Pipeline: JDK maps, lists, strings and numbers only.
     *
     * @param result the build result the step asked for ("SUCCESS", "UNSTABLE", "FAILURE")
     */
    public Map<String, Object> toMap(final String result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", result);
        map.put("images", images.size());
        map.put("failures", failures);
        map.put("cacheHits", cacheHits);
        Map<String, Object> violations = new LinkedHashMap<>();
        violations.put("error", errors);
        violations.put("warning", warnings);
        violations.put("info", infos);
        violations.put("waived", waived);
        map.put("violations", violations);
        List<Object> perImage = new ArrayList<>();
        images.forEach(image -> perImage.add(image.toMap()));
        map.put("perImage", perImage);
        List<Object> failedGates = new ArrayList<>();
        getFailedGates().forEach(gate -> failedGates.add(gate.getMessage()));
        map.put("failedGates", failedGates);
        return map;
    }
}
