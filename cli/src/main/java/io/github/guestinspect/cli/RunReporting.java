package io.github.guestinspect.cli;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageDiff;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.TerminalText;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@code inspect} does after a run when asked for reports or history: records the run in the history (with
 * its full results, which the next run's "changes since the previous run" are computed against) and writes the
 * report directory.
 */
final class RunReporting {
    static final String DEFAULT_TITLE = "guest-inspect report";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final PrintWriter err;
    private final Map<String, String> environment;

    RunReporting(final PrintWriter err, final Map<String, String> environment) {
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The options of one run.
     *
     * @param reportDirectory where report.html, report.md, report.pdf and sbom/ go (empty: no reports)
     * @param history         the history store
     * @param record          whether to append this run to the history (false: read it only)
     * @param label           the run's label (empty: "#BUILD_NUMBER" in CI, else the local date and time)
     */
    record Options(Optional<Path> reportDirectory, HistoryStore history, boolean record, Optional<String> label) {
    }

    /**
     * Records the run and writes the reports; a history that cannot be written is a warning, not a failure.
     *
     * @param resultsJson the results as the JSON report wrote them, when it did: the history keeps these bytes
     */
    void finish(final List<InspectionResult> results, final Optional<byte[]> resultsJson,
                final Optional<PolicyEvaluation> evaluation, final Options options) throws IOException {
        Instant finished = Instant.now();
        HistoryStore history = options.history();
        Optional<List<InspectionResult>> previous = options.reportDirectory().isPresent() ? history.lastResults()
                : Optional.empty();
        String label = options.label().orElseGet(() -> defaultLabel(finished));
        RunRecord run = RunRecord.from(runId(finished), label, finished, results, evaluation);
        boolean recorded = false;
        if (options.record()) {
            try {
                if (resultsJson.isPresent()) {
                    history.append(run, resultsJson.get());
                }
                else {
                    history.append(run, results);
                }
                recorded = true;
                err.println("guest-inspect: run " + run.runId() + " (" + TerminalText.safe(label)
                        + ") recorded in " + history.directory());
            }
            catch (IOException exception) {
                err.println("guest-inspect: warning: cannot record the run in the history " + history.directory()
                        + " (" + TerminalText.safe(String.valueOf(exception.getMessage())) + ")");
            }
        }
        if (options.reportDirectory().isEmpty()) {
            err.flush();
            return;
        }
        List<TrendPoint> trend = new ArrayList<>(history.trend());
        if (!recorded) {
            trend.add(TrendPoint.of(run));
        }
        List<ImageChanges> changes = previous.map(before -> new PackageDiff().forImagesOf(before, results))
                .orElse(List.of());
        ReportData data = new ReportData(title(label, options.label().isPresent()), finished, results, evaluation,
                trend, changes);
        Path directory = options.reportDirectory().get();
        List<Path> written = new ReportOutputs(err).writeDirectory(directory, data);
        long sboms = written.stream().filter(file -> file.getFileName().toString().endsWith(
                ReportOutputs.SBOM_SUFFIX)).count();
        List<String> names = new ArrayList<>(written.stream().map(file -> file.getFileName().toString())
                .filter(name -> !name.endsWith(ReportOutputs.SBOM_SUFFIX)).toList());
        if (sboms > 0) {
            names.add(sboms + " SBOM" + (sboms == 1 ? "" : "s") + " in " + ReportOutputs.SBOM_DIRECTORY + "/");
        }
        err.println("guest-inspect: reports written to " + TerminalText.safe(directory.toString()) + ": "
                + String.join(", ", names));
        err.flush();
    }

    /** A run id that sorts by time and is unique in practice: UTC date and time and 16 random bits. */
    static String runId(final Instant finished) {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return RUN_ID.format(finished) + "-" + HexFormat.of().formatHex(random);
    }

    /** "#BUILD_NUMBER" in a CI build (Jenkins, GitLab, GitHub Actions), else the local date and time. */
    String defaultLabel(final Instant finished) {
        for (String variable : List.of("BUILD_NUMBER", "CI_PIPELINE_IID", "GITHUB_RUN_NUMBER")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return "#" + value.strip();
            }
        }
        return LABEL.format(finished.atZone(ZoneId.systemDefault()));
    }

    /** The report title: "JOB #BUILD" in Jenkins, else "guest-inspect report" with an explicit label. */
    String title(final String label, final boolean explicitLabel) {
        String job = environment.get("JOB_NAME");
        if (job != null && !job.isBlank()) {
            return job.strip() + " " + label;
        }
        return explicitLabel ? DEFAULT_TITLE + ": " + label : DEFAULT_TITLE;
    }
}
