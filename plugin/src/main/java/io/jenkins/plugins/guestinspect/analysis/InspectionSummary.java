package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.report.figures.Phase;

/**
 * What a build's image inspection found, small enough for the build page and the trend charts; the full results
 * (package lists, violations, package changes) stay in the build folder ({@link DetailsStore}). The totals are
 * core's {@link TrendPoint} of the build, so they agree with what the command line records for the same results.
 * Persisted by XStream: plain fields.
 */
public final class InspectionSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    private final String node;
    private final List<ImageSummary> images;
    private final RunFigures figures;
    private final int toolFailures;
    private final int waived;
    private final long elapsedMillis;
    private final boolean policyUsed;
    /** Null without a reference build (XStream keeps no Optional). */
    private final ComparisonSummary comparison;
    private final List<GateOutcome> gates;

    /**
     * @param node          the node the images were inspected on ("" for the built-in node)
     * @param images        one summary per image
     * @param figures       the build's totals as core's trend point
     * @param toolFailures  images that could not be inspected because libguestfs could not run
     * @param waived        waived violations
     * @param elapsedMillis how long the inspection took, as the step measured it
     * @param policyUsed    whether a policy was evaluated
     * @param comparison    the comparison with the reference build, if there is one
     * @param gates         the quality gates' outcomes
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public InspectionSummary(final String node, final List<ImageSummary> images, final RunFigures figures,
                             final int toolFailures, final int waived, final long elapsedMillis,
                             final boolean policyUsed, final Optional<ComparisonSummary> comparison,
                             final List<GateOutcome> gates) {
        this.node = Objects.requireNonNull(node, "node");
        this.images = new ArrayList<>(images);
        this.figures = Objects.requireNonNull(figures, "figures");
        this.toolFailures = toolFailures;
        this.waived = waived;
        this.elapsedMillis = elapsedMillis;
        this.policyUsed = policyUsed;
        this.comparison = comparison.orElse(null);
        this.gates = new ArrayList<>(gates);
    }

    /** What a broken summary file reads as. */
    public static InspectionSummary empty() {
        return new InspectionSummary("", List.of(), RunFigures.of(TrendPoint.of(RunRecord.from("", "", Instant.EPOCH,
                List.of(), Optional.empty()))), 0, 0, 0, false, Optional.empty(), List.of());
    }

    public InspectionSummary withGates(final List<GateOutcome> outcomes) {
        return new InspectionSummary(node, images, figures, toolFailures, waived, elapsedMillis, policyUsed,
                getComparison(), outcomes);
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

    /** This build's totals as core's trend point: what {@code guest-inspect history} shows for the same results. */
    public TrendPoint getTrendPoint() {
        return figures.toTrendPoint();
    }

    public int getCacheHits() {
        return getTrendPoint().cacheHits();
    }

    /** Share of images served from the cache, 0 to 1. */
    public double getCacheHitRatio() {
        return getTrendPoint().cacheHitRatio();
    }

    public int getFailures() {
        return getTrendPoint().failures();
    }

    public int getToolFailures() {
        return toolFailures;
    }

    public long getPackages() {
        return getTrendPoint().packages();
    }

    public int getErrors() {
        return count(Severity.ERROR);
    }

    public int getWarnings() {
        return count(Severity.WARNING);
    }

    public int getInfos() {
        return count(Severity.INFO);
    }

    /** Active violations of a severity. */
    public int count(final Severity severity) {
        return getTrendPoint().violations().getOrDefault(severity.label(), 0);
    }

    public int getWaived() {
        return waived;
    }

    public int getViolations() {
        return getErrors() + getWarnings() + getInfos();
    }

    /** How long the inspection took, as the step measured it. */
    public long getElapsedMillis() {
        return elapsedMillis;
    }

    /** The time of each phase summed over the images (a cache hit spent none on launch, OS and packages). */
    public List<PhaseTime> getPhases() {
        TrendPoint point = getTrendPoint();
        return Phase.trended().stream().map(phase -> new PhaseTime(phase.label(), phase.millis(point))).toList();
    }

    /** The slowest image's time from the start of its batch, the command line's wall time of a run. */
    public long getSlowestImageMillis() {
        return getTrendPoint().wallMillis();
    }

    public boolean isPolicyUsed() {
        return policyUsed;
    }

    /** The comparison with the reference build; empty when there was none. */
    public Optional<ComparisonSummary> getComparison() {
        return Optional.ofNullable(comparison);
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
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis / 60_000 + " min " + millis % 60_000 / 1000 + " s";
    }

    public String getDuration() {
        return duration(elapsedMillis);
    }

    /**
     * The step's return value for Scripted Pipeline: JDK maps, lists, strings and numbers only.
     *
     * @param result  the build result the step asked for ("SUCCESS", "UNSTABLE", "FAILURE")
     * @param changes the package changes per image against the reference build (empty without one)
     */
    public Map<String, Object> toMap(final String result, final List<ImageChanges> changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", result);
        map.put("images", images.size());
        map.put("failures", getFailures());
        map.put("cacheHits", getCacheHits());
        Map<String, Object> violations = new SeverityCounts(getErrors(), getWarnings(), getInfos()).toMap();
        violations.put("waived", waived);
        map.put("violations", violations);
        Optional<ComparisonSummary> compared = getComparison();
        map.put("referenceBuild", compared.map(c -> c.getReference().toMap()).orElseGet(LinkedHashMap::new));
        map.put("newViolations", compared.map(c -> c.getNewViolations().toMap()).orElseGet(LinkedHashMap::new));
        map.put("fixedViolations", compared.map(c -> c.getFixedViolations().toMap()).orElseGet(LinkedHashMap::new));
        map.put("packageChanges", compared.map(c -> c.getPackageChanges().toMap()).orElseGet(LinkedHashMap::new));
        List<Object> perImage = new ArrayList<>();
        images.forEach(image -> perImage.add(image.toMap(changes.stream()
                .filter(change -> change.image().equals(image.getPath())).findFirst()
                .map(ImageChanges::changes).orElse(List.of()))));
        map.put("perImage", perImage);
        List<Object> failedGates = new ArrayList<>();
        getFailedGates().forEach(gate -> failedGates.add(gate.getMessage()));
        map.put("failedGates", failedGates);
        return map;
    }

    /**
     * One phase's time on the build page.
     *
     * @param label  core's phase label ("appliance launch (share)")
     * @param millis summed over the images
     */
    public record PhaseTime(String label, long millis) {
        public String getDuration() {
            return duration(millis);
        }
    }
}
