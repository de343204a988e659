package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import hudson.AbortException;
import io.github.guestinspect.batch.AgentScheduler;
import io.github.guestinspect.batch.AgentScheduler.ScheduledRun;
import io.github.guestinspect.batch.TimingHints;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.policy.Policy;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyException;
import io.github.guestinspect.policy.PolicyParser;
import io.github.guestinspect.report.JunitReport;
import io.jenkins.plugins.guestinspect.analysis.BuildComparison;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.ComparisonSummary;
import io.jenkins.plugins.guestinspect.analysis.Criticality;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.GateEvaluator;
import io.jenkins.plugins.guestinspect.analysis.GateOutcome;
import io.jenkins.plugins.guestinspect.analysis.GateSpec;
import io.jenkins.plugins.guestinspect.analysis.GateType;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.LogProgress;
import io.jenkins.plugins.guestinspect.analysis.Reference;
import io.jenkins.plugins.guestinspect.analysis.Summaries;
import io.jenkins.plugins.guestinspect.analysis.Verdict;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;
import io.jenkins.plugins.guestinspect.remote.PrepareRequest;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;

/**
 * One run of the step, from the glob to the build result. Talks to Jenkins only through {@link StepFacade}.
 *
 * <ol>
 *   <li>find the images (Ant glob, relative to the workspace) and read and parse the policy: both fail fast;</li>
 *   <li>on the node that holds the workspace: hash the images, serve unchanged ones from the workspace cache and
 *   check the rest with qemu-img (so broken ones fail by name before anything is shipped);</li>
 *   <li>spread the rest in appliance batches over the agents (core's scheduler, heaviest first by the reference
 *   build's timings; executors from the build queue when {@code agents} names a label), storing each batch's
 *   results in the workspace cache as it comes back ({@link BatchStorage});</li>
 *   <li>evaluate the policy, write JUnit XML into the workspace, keep the details in the build folder and attach
 *   the summary action;</li>
 *   <li>compare with the reference build (new, outstanding and fixed violations, package changes per image),
 *   evaluate the quality gates, set the build and stage result, and fail the step when images could not be
 *   inspected (unless failOnError is off).</li>
 * </ol>
 */
final class ImageInspection {
    /** Where the JUnit XML goes, relative to the workspace: {@code junit 'guest-inspect/junit.xml'} reads it. */
    static final String JUNIT_FILE = "guest-inspect/junit.xml";
    /** Used when the step gives no quality gates but a policy: errors fail the build, as the CLI's --fail-on. */
    static final GateSpec DEFAULT_GATE = new GateSpec(1, GateType.TOTAL_ERROR, Criticality.FAILURE);

    private final StepFacade jenkins;
    private final InspectImagesStep step;
    private final Clock clock;

    ImageInspection(final StepFacade jenkins, final InspectImagesStep step) {
        this(jenkins, step, Clock.systemDefaultZone());
    }

    ImageInspection(final StepFacade jenkins, final InspectImagesStep step, final Clock clock) {
        this.jenkins = jenkins;
        this.step = step;
        this.clock = clock;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        PrintStream log = jenkins.logger();
        List<String> images = jenkins.findImages(step.getImages());
        if (images.isEmpty()) {
            throw new AbortException("inspectImages: no file in the workspace matches '" + step.getImages() + "'");
        }
        Optional<Policy> policy = readPolicy();
        List<String> queries = policy.map(Policy::fileQueries).orElse(List.of());
        log.println("[guest-inspect] " + images.size() + " image(s) match '" + step.getImages() + "'"
                + policy.map(p -> ", policy " + step.getPolicy() + " (" + p.rules().size() + " rules)").orElse("")
                + ", cache " + (step.isCache() ? "on" : "off") + ", inspecting on "
                + (step.getAgents().isEmpty() ? "the workspace's node" : "agents with label '" + step.getAgents()
                + "'"));

        long start = System.nanoTime();
        PreparedImages prepared = jenkins.prepare(new PrepareRequest(images, step.isCache(), queries));
        prepared.warnings().forEach(warning -> log.println("[guest-inspect] warning: "
                + LogProgress.printable(warning)));
        Optional<Reference> reference = jenkins.referenceBuild();
        LogProgress progress = new LogProgress(log, prepared.order().size(), prepared::relative);
        prepared.refused().values().forEach(progress::finished);
        prepared.lookups().hits().forEach(progress::finished);
        prepared.rejected().values().forEach(progress::finished);
        BatchStorage storage = new BatchStorage(jenkins, prepared, queries, progress, log);
        ScheduledRun scheduled = new AgentScheduler(jenkins.agents(step.getAgents(), step.getMaxParallel(),
                prepared, step.getTimeout(), queries), step.getBatchSize(), hints(reference, prepared),
                notice -> log.println("[guest-inspect] " + LogProgress.printable(notice)))
                .run(prepared.probed(), step.isCache() ? storage : progress);
        if (step.isCache()) {
            storage.runOver(scheduled.results());
        }
        Map<String, InspectionResult> inspected = new HashMap<>();
        for (int i = 0; i < prepared.probed().size(); i++) {
            inspected.put(prepared.probed().get(i).path().toString(), scheduled.results().get(i));
        }
        List<InspectionResult> results = prepared.report(prepared.complete(inspected, progress));
        long millis = (System.nanoTime() - start) / 1_000_000;

        Optional<PolicyEvaluation> evaluation = policy.map(p -> new PolicyEvaluator(p, LocalDate.now(clock))
                .evaluate(results));
        writeJunit(results, evaluation, log);

        List<ViolationRow> violations = evaluation.map(e -> e.violations().stream().map(ViolationRow::of).toList())
                .orElse(List.of());
        BuildComparison comparison = BuildComparison.of(results, violations, reference);
        List<GateOutcome> gates = new GateEvaluator().evaluate(gates(policy.isPresent()), comparison.violations());
        InspectionSummary summary = Summaries.of(jenkins.currentBuild(), inspectedOn(prepared, scheduled), results,
                evaluation, comparison, millis, clock.instant()).withGates(gates);

        new DetailsStore().write(jenkins.buildDirectory(), BuildDetails.of(results, comparison,
                expiredWaivers(evaluation)));
        jenkins.attachSummary(summary);

        log.println("[guest-inspect] " + summary.getImageCount() + " image(s): "
                + results.stream().filter(r -> r.status() == Status.INSPECTED).count() + " inspected, "
                + summary.getCacheHits() + " from the cache, " + summary.getFailures() + " failed; violations: "
                + summary.getErrors() + " error, " + summary.getWarnings() + " warning, " + summary.getInfos()
                + " info (" + summary.getWaived() + " waived); " + summary.getDuration());
        log.println("[guest-inspect] " + summary.getComparison().map(ImageInspection::describe).orElse(
                "no reference build (no earlier build with an image inspection): nothing is new or fixed, NEW and"
                        + " DELTA quality gates are skipped"));
        gates.forEach(gate -> log.println("[guest-inspect] quality gate " + gate));

        Verdict verdict = Verdict.of(gates, summary.getFailures(), summary.getToolFailures(), step.isFailOnError());
        jenkins.setBuildResult(verdict.build());
        jenkins.markStage(verdict.stage(), String.join("; ", verdict.messages()));
        if (verdict.abort().isPresent()) {
            throw new AbortException("inspectImages: " + verdict.abort().get());
        }
        return summary.toMap(verdict.build().name(), comparison.packageChanges());
    }

    /**
     * The reference build's time per image, for the scheduler to start with the slowest: by absolute path, as the
     * images are named while they are scheduled.
     */
    private static TimingHints hints(final Optional<Reference> reference, final PreparedImages prepared) {
        Map<String, Long> past = new HashMap<>();
        reference.map(r -> TimingHints.fromResults(r.details().results()).millisByPath()).orElse(Map.of())
                .forEach((path, millis) -> past.put(prepared.absolute(path), millis));
        return TimingHints.of(past);
    }

    /** Where the images were inspected: the agents that ran appliances, else the workspace's node. */
    private static String inspectedOn(final PreparedImages prepared, final ScheduledRun scheduled) {
        Set<String> agents = new LinkedHashSet<>(scheduled.assignmentsByAgent().keySet());
        return agents.isEmpty() ? prepared.host() : String.join(", ", agents);
    }

    /** "reference build images #12 (recorded by discoverReferenceBuild): 1 new, 2 fixed violations; ...". */
    private static String describe(final ComparisonSummary comparison) {
        return "reference build " + comparison.getReference() + " (" + comparison.getOrigin() + "): "
                + comparison.getNewViolations().getTotal() + " new, " + comparison.getFixedViolations().getTotal()
                + " fixed violation(s); packages: " + comparison.getPackageChanges();
    }

    private static List<String> expiredWaivers(final Optional<PolicyEvaluation> evaluation) {
        return evaluation.map(e -> e.expiredWaivers().stream().map(w -> "rule " + w.ruleId() + " on " + w.image()
                + ": waiver expired on " + w.waiver().until() + " (" + w.waiver().reason() + ")").toList())
                .orElse(List.of());
    }

    private Optional<Policy> readPolicy() throws IOException, InterruptedException {
        if (step.getPolicy().isEmpty()) {
            return Optional.empty();
        }
        byte[] text = jenkins.readWorkspaceFile(step.getPolicy(), (int) PolicyParser.MAX_SIZE + 1)
                .orElseThrow(() -> new AbortException("inspectImages: the policy file '" + step.getPolicy()
                        + "' is not in the workspace"));
        try {
            return Optional.of(new PolicyParser().parse(step.getPolicy(), text));
        }
        catch (PolicyException exception) {
            throw new AbortException("inspectImages: malformed policy: " + exception.getMessage());
        }
    }

    private List<GateSpec> gates(final boolean policyUsed) {
        List<ImageQualityGate> configured = step.getQualityGates();
        if (configured == null) {
            return policyUsed ? List.of(DEFAULT_GATE) : List.of();
        }
        return configured.stream().map(ImageQualityGate::toSpec).toList();
    }

    private void writeJunit(final List<InspectionResult> results, final Optional<PolicyEvaluation> evaluation,
                            final PrintStream log) throws IOException, InterruptedException {
        PolicyEvaluation forReport = evaluation.orElseGet(() -> new PolicyEvaluation(List.of(),
                results.stream().filter(r -> !r.isFailed()).map(r -> r.image().path()).toList(), List.of(),
                List.of()));
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new JunitReport().write(forReport, results, xml);
        String written = jenkins.writeWorkspaceFile(JUNIT_FILE, xml.toByteArray());
        log.println("[guest-inspect] JUnit XML: " + written + " (publish it with junit '" + JUNIT_FILE + "')");
    }
}
