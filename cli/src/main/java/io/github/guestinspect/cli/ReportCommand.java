package io.github.guestinspect.cli;

import io.github.guestinspect.cli.ReportOutputs.Format;
import io.github.guestinspect.cli.ResultSources.SourceException;
import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageDiff;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyException;
import io.github.guestinspect.policy.PolicyParser;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code guest-inspect report}: renders a saved JSON result again, without touching any image. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders a saved JSON result (inspect --format json -o FILE) as HTML, Markdown, PDF or"
                + " CycloneDX SBOM, with the trends of the history; no image is read.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS.json",
            description = "A JSON report written by inspect.")
    private Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "The report file (for sbom with several images: a directory, one NAME.cdx.json each).")
    private Path output;

    @Option(names = "--format", paramLabel = "html|md|pdf|sbom",
            description = "Report format (default: from the extension of OUT, else html).")
    private Format format;

    @Option(names = "--template", paramLabel = "FILE", description = "Template (UTF-8, {{placeholder}}s) for html or"
            + " md; start from the default: guest-inspect report --print-template [--format md].")
    private Path template;

    @Option(names = "--print-template", description = "Print the default template of the format (html, or md) and"
            + " exit.")
    private boolean printTemplate;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: "
            + RunReporting.DEFAULT_TITLE + ").")
    private String title = RunReporting.DEFAULT_TITLE;

    @Option(names = "--since", paramLabel = "FILE|RUN",
            description = "Show the package changes since these results (a JSON report or a run id of the history).")
    private String since;

    @Option(names = "--policy", paramLabel = "FILE", description = "Evaluate the policy FILE (YAML) on the results.")
    private Path policyFile;

    @Option(names = "--history-dir", paramLabel = "DIR",
            description = "History for the trend charts (default: .guest-inspect/history).")
    private Path historyDirectory = HistoryStore.DEFAULT_DIRECTORY;

    @Option(names = "--no-history", description = "Show no trends.")
    private boolean noHistory;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (printTemplate) {
            Format of = format == null ? Format.HTML : format;
            if (!Renderers.hasTemplate(of)) {
                return usage("the " + of.name().toLowerCase(Locale.ROOT) + " format has no template (html and md"
                        + " have)");
            }
            spec.commandLine().getOut().print(Renderers.defaultTemplate(of));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
        if (results == null || output == null) {
            return usage("give RESULTS.json and -o OUT (guest-inspect report --help)");
        }
        Format chosen = format != null ? format
                : Format.fromFileName(String.valueOf(output.getFileName())).orElse(Format.HTML);
        if (template != null && !Renderers.hasTemplate(chosen)) {
            return usage("--template applies to html and md, not to " + chosen.name().toLowerCase(Locale.ROOT));
        }
        ReportOutputs outputs = new ReportOutputs(err);
        if (template != null) {
            try {
                outputs = outputs.withTemplate(chosen, template);
            }
            catch (IOException exception) {
                return usage("cannot read the template " + TerminalText.safe(template.toString()) + " ("
                        + TerminalText.safe(String.valueOf(exception.getMessage())) + ")");
            }
            catch (IllegalArgumentException exception) {
                return usage("bad template: " + TerminalText.safe(String.valueOf(exception.getMessage())));
            }
        }
        HistoryStore history = HistoryStore.forReading(historyDirectory,
                warning -> err.println("guest-inspect: warning: " + TerminalText.safe(warning)));
        List<InspectionResult> loaded;
        List<ImageChanges> changes = List.of();
        try {
            loaded = ResultSources.readReport(results);
            if (since != null) {
                changes = new PackageDiff().forImagesOf(ResultSources.load(since, history), loaded);
            }
        }
        catch (SourceException exception) {
            return usage(exception.getMessage());
        }
        Optional<PolicyEvaluation> evaluation = Optional.empty();
        if (policyFile != null) {
            try {
                evaluation = Optional.of(new PolicyEvaluator(new PolicyParser().parse(policyFile), LocalDate.now())
                        .evaluate(loaded));
            }
            catch (PolicyException exception) {
                return usage("malformed policy: " + TerminalText.safe(exception.getMessage()));
            }
        }
        if (chosen == Format.SBOM) {
            return sbom(outputs, loaded);
        }
        List<TrendPoint> trend = noHistory ? List.of() : history.trend();
        outputs.write(chosen, output, new ReportData(title, Instant.now(), loaded, evaluation, trend, changes));
        err.println("guest-inspect: written " + TerminalText.safe(output.toString()));
        return ExitCode.OK.code();
    }

    /** One SBOM: to OUT for a single image, else one per image into the directory OUT. */
    private int sbom(final ReportOutputs outputs, final List<InspectionResult> loaded) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<InspectionResult> inspected = loaded.stream().filter(result -> result.status() != Status.FAILED)
                .toList();
        if (inspected.isEmpty()) {
            return usage(TerminalText.safe(results.toString()) + " holds no inspected image to make an SBOM of");
        }
        if (loaded.size() == 1 && !Files.isDirectory(output)) {
            outputs.writeSbom(output, loaded.get(0));
            err.println("guest-inspect: written " + TerminalText.safe(output.toString()));
            return ExitCode.OK.code();
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return usage(loaded.size() + " images make " + loaded.size() + " SBOMs: -o must name a directory, "
                    + TerminalText.safe(output.toString()) + " is a file");
        }
        List<Path> written = outputs.writeSboms(output, loaded, false);
        err.println("guest-inspect: written " + written.size() + " SBOMs to " + TerminalText.safe(output.toString()));
        return ExitCode.OK.code();
    }

    private int usage(final String message) {
        spec.commandLine().getErr().println("guest-inspect: " + message);
        return ExitCode.USAGE.code();
    }
}
