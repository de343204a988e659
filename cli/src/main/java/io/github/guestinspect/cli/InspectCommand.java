package io.github.guestinspect.cli;

import io.github.guestinspect.batch.ImageFinder;
import io.github.guestinspect.cache.CacheMaintenance;
import io.github.guestinspect.cache.CachedInspection;
import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.report.TerminalText;
import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.Policy;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyException;
import io.github.guestinspect.policy.PolicyParser;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.report.JsonReport;
import io.github.guestinspect.report.JunitReport;
import io.github.guestinspect.report.PolicyTextReport;
import io.github.guestinspect.report.SarifReport;
import io.github.guestinspect.report.TextReport;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code guest-inspect inspect}: inspects images and prints (or writes) the results. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inspects disk images: operating systems, versions, hostnames, installed packages.%n"
                + "IMAGE may be a file, a directory (its disk images) or a glob such as 'out/*.qcow2'.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMAGE|DIR|GLOB", arity = "1..*", description = "The images to inspect.")
    private List<String> images;

    @Option(names = "--format", paramLabel = "table|json",
            description = "Output format (default: table on a terminal, json otherwise).")
    private OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    private Path output;

    @Option(names = "--jobs", paramLabel = "N", description = "Appliances running at once (default: one per core,"
            + " at most 4).")
    private Integer jobs;

    @Option(names = "--batch-size", paramLabel = "K",
            description = "Images per appliance launch (default: spread evenly over the jobs, at most 16).")
    private Integer batchSize;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Time limit for one appliance batch (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--memsize", paramLabel = "MB", description = "Appliance memory (default: libguestfs').")
    private Integer memsize;

    @Option(names = "--smp", paramLabel = "N", description = "Appliance vCPUs (default: libguestfs').")
    private Integer smp;

    @Option(names = "--allow-backing-file",
            description = "Inspect qcow2 images that declare a backing file (refused by default).")
    private boolean allowBackingFile;

    @Option(names = "--no-cache", description = "Do not read or write the result cache.")
    private boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = CacheCommand.DEFAULT_DIRECTORY,
            description = "Result cache directory (default: ${DEFAULT-VALUE}).")
    private Path cacheDirectory;

    @Option(names = "--policy", paramLabel = "FILE", description = "Evaluate the policy FILE (YAML) on every image.")
    private Path policyFile;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the policy results as JUnit XML (one test case per image and rule).")
    private Path junitFile;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write the policy results as SARIF 2.1.0.")
    private Path sarifFile;

    @Option(names = "--fail-on", paramLabel = "error|warning|info|none", defaultValue = "error",
            description = "Exit with 1 when a violation at or above this severity exists (default: ${DEFAULT-VALUE}).")
    private String failOn;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write report.html, report.md, report.pdf and"
            + " one CycloneDX SBOM per image (sbom/NAME.cdx.json) into DIR, and record the run in the history.")
    private Path reportDirectory;

    @Option(names = "--history-dir", paramLabel = "DIR", description = "Record the run in the history DIR (default:"
            + " .guest-inspect/history); its runs are the reports' trends.")
    private Path historyDirectory;

    @Option(names = "--history-limit", paramLabel = "N", description = "Runs the history keeps (default: "
            + HistoryStore.DEFAULT_LIMIT + ").")
    private Integer historyLimit;

    @Option(names = "--run-label", paramLabel = "LABEL",
            description = "The run's name in the history and on trend charts (default: #BUILD_NUMBER, else the time).")
    private String runLabel;

    @Option(names = "--no-history", description = "Do not record the run in the history (reports still show the"
            + " runs recorded before).")
    private boolean noHistory;

    @Override
    public Integer call() throws IOException {
        try (OrderlyShutdown shutdown = new OrderlyShutdown()) {
            return run();
        }
    }

    private int run() throws IOException {
        if (timeoutSeconds < 1 || jobs != null && jobs < 1 || batchSize != null && batchSize < 1) {
            return usage("--timeout, --jobs and --batch-size must be at least 1");
        }
        Optional<Severity> threshold;
        try {
            threshold = "none".equals(failOn) ? Optional.empty() : Optional.of(Severity.parse(failOn));
        }
        catch (IllegalArgumentException exception) {
            return usage("--fail-on: " + exception.getMessage().replace("severity", "value") + " or none");
        }
        if ((junitFile != null || sarifFile != null) && policyFile == null) {
            return usage("--junit and --sarif report policy results: give --policy too");
        }
        if (historyLimit != null && historyLimit < 1) {
            return usage("--history-limit must be at least 1");
        }
        if (reportDirectory != null && Files.exists(reportDirectory) && !Files.isDirectory(reportDirectory)) {
            return usage("--report-dir " + TerminalText.safe(reportDirectory.toString()) + " is not a directory");
        }
        Optional<Policy> policy = Optional.empty();
        if (policyFile != null) {
            try {
                policy = Optional.of(new PolicyParser().parse(policyFile));
            }
            catch (PolicyException exception) {
                return usage("malformed policy: " + TerminalText.safe(exception.getMessage()));
            }
        }
        List<Path> paths;
        try {
            paths = new ImageFinder(Path.of("")).find(images);
        }
        catch (IOException exception) {
            return usage(exception.getMessage());
        }
        List<String> queries = policy.map(Policy::fileQueries).orElse(List.of());
        Optional<List<InspectionResult>> inspected = inspect(paths, queries);
        if (inspected.isEmpty()) {
            return ExitCode.INTERRUPTED.code();
        }
        List<InspectionResult> results = inspected.get();
        boolean terminal = System.console() != null;
        OutputFormat chosen = format == null ? (terminal && output == null ? OutputFormat.TABLE : OutputFormat.JSON)
                : format;
        ByteArrayOutputStream report = report(results, chosen);
        boolean written = writeReport(report);
        ExitCode code = exitCode(results);
        Optional<PolicyEvaluation> evaluated = Optional.empty();
        if (policy.isPresent()) {
            PolicyEvaluation evaluation = new PolicyEvaluator(policy.get(), LocalDate.now()).evaluate(results);
            evaluated = Optional.of(evaluation);
            boolean jsonOnStdout = chosen == OutputFormat.JSON && (output == null || !written);
            new PolicyTextReport().write(evaluation, jsonOnStdout ? spec.commandLine().getErr()
                    : spec.commandLine().getOut());
            if (junitFile != null) {
                written &= write(junitFile, out -> new JunitReport().write(evaluation, results, out));
            }
            if (sarifFile != null) {
                written &= write(sarifFile, out -> new SarifReport().write(evaluation, out));
            }
            if (code == ExitCode.OK && threshold.isPresent() && evaluation.fails(threshold.get())) {
                code = ExitCode.POLICY_VIOLATION;
            }
        }
        if (reportDirectory != null || !noHistory) { // every run is recorded unless --no-history says otherwise
            HistoryStore history = new HistoryStore(historyDirectory == null ? HistoryStore.DEFAULT_DIRECTORY
                    : historyDirectory, historyLimit == null ? HistoryStore.DEFAULT_LIMIT : historyLimit,
                    warning -> spec.commandLine().getErr().println("guest-inspect: warning: "
                            + TerminalText.safe(warning)));
            try {
                Optional<byte[]> resultsJson = chosen == OutputFormat.JSON ? Optional.of(report.toByteArray())
                        : Optional.empty(); // the history keeps the same document: written once
                new RunReporting(spec.commandLine().getErr(), System.getenv()).finish(results, resultsJson,
                        evaluated, new RunReporting.Options(Optional.ofNullable(reportDirectory), history,
                                !noHistory, Optional.ofNullable(runLabel)));
            }
            catch (IOException exception) {
                error(exception);
                written = false;
            }
        }
        return (written || code == ExitCode.TOOL_FAILURE ? code : ExitCode.OUTPUT_FAILED).code();
    }

    /** Runs the inspection; empty when it was interrupted. */
    private Optional<List<InspectionResult>> inspect(final List<Path> paths, final List<String> queries) {
        InspectionSettings defaults = InspectionSettings.defaults();
        RunnerSettings runner = new RunnerSettings(Duration.ofSeconds(timeoutSeconds),
                memsize == null ? OptionalInt.empty() : OptionalInt.of(memsize),
                smp == null ? OptionalInt.empty() : OptionalInt.of(smp), Map.of(),
                defaults.runner().temporaryRoot(), queries);
        InspectionSettings settings = new InspectionSettings(jobs == null ? defaults.jobs() : jobs,
                batchSize == null ? OptionalInt.empty() : OptionalInt.of(batchSize), allowBackingFile, runner);
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), System.console() != null);
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = warning -> {
            err.println("guest-inspect: warning: " + TerminalText.safe(warning));
            err.flush();
        };
        Consumer<String> notices = notice -> {
            err.println("guest-inspect: " + notice);
            err.flush();
        };
        try (ChildProcesses processes = new ChildProcesses(notices)) {
            InspectionEngine engine = InspectionEngine.local(settings, processes, warnings);
            List<InspectionResult> results = noCache ? engine.inspect(paths, progress)
                    : new CachedInspection(new ResultCache(cacheDirectory, warnings), new HashMemo(
                            cacheDirectory.resolve(CacheMaintenance.MEMO), ContentHasher.allCores(), warnings),
                            warnings, queries).inspect(paths, engine, progress);
            // stopped by SIGINT/SIGTERM: the killed batches' failures are not results, and nothing more is written
            return processes.isShuttingDown() ? Optional.empty() : Optional.of(results);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        finally {
            progress.close();
        }
    }

    /** The report in the chosen format. */
    private static ByteArrayOutputStream report(final List<InspectionResult> results, final OutputFormat chosen)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (chosen == OutputFormat.JSON) {
            new JsonReport().write(results, buffer);
            buffer.write('\n');
        }
        else {
            new TextReport().write(results, new PrintWriter(buffer, false, StandardCharsets.UTF_8));
        }
        return buffer;
    }

    /**
     * Prints the report, or writes it to {@code -o FILE}; when the file cannot be written (a full disk), says so and
     * prints the report on standard output instead, so the run's results are never lost.
     *
     * @return false when the file could not be written
     */
    private boolean writeReport(final ByteArrayOutputStream buffer) {
        boolean written = output != null && write(output, buffer::writeTo);
        if (output != null && !written) {
            spec.commandLine().getErr().println("guest-inspect: the report follows on standard output instead");
            spec.commandLine().getErr().flush();
        }
        if (!written) {
            spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return written || output == null;
    }

    /** Writes a file atomically and says so; a failure is reported (naming the file) and returns false. */
    private boolean write(final Path file, final AtomicFile.Content content) {
        try {
            AtomicFile.write(file, content);
        }
        catch (IOException exception) {
            error(exception);
            return false;
        }
        spec.commandLine().getErr().println("guest-inspect: written " + TerminalText.safe(file.toString()));
        spec.commandLine().getErr().flush();
        return true;
    }

    private void error(final IOException exception) {
        spec.commandLine().getErr().println("guest-inspect: error: " + TerminalText.safe(String.valueOf(
                exception.getMessage())));
        spec.commandLine().getErr().flush();
    }

    static ExitCode exitCode(final List<InspectionResult> results) {
        if (results.stream().anyMatch(result -> result.failure()
                .map(failure -> failure.kind() == FailureKind.TOOL_FAILURE).orElse(false))) {
            return ExitCode.TOOL_FAILURE;
        }
        if (results.stream().anyMatch(InspectionResult::isFailed)) {
            return ExitCode.IMAGE_FAILED;
        }
        return ExitCode.OK;
    }

    private int usage(final String message) {
        spec.commandLine().getErr().println("guest-inspect: " + message);
        return ExitCode.USAGE.code();
    }

    /** The report formats. */
    enum OutputFormat {
        TABLE, JSON
    }
}
