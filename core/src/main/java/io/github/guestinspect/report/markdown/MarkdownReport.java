package io.github.guestinspect.report.markdown;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.figures.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Markdown summary of a run for pull requests, merge requests and wikis (GitHub and GitLab flavours): an overview
 * table, the images that failed, policy violations per image and rule, package changes since the previous run, and
 * Mermaid charts of where the time went and of the trend over earlier runs.
 *
 * <p>The page comes from a template with {@code {{name}}} placeholders, the syntax of the HTML report's templates;
 * the default is the resource {@code default-template.md} beside this class ({@link #defaultTemplate()}), and
 * {@link #MarkdownReport(Path)} takes another. Placeholders:
 * <dl>
 * <dt>{@code {{title}}}</dt><dd>the report title (escaped)</dd>
 * <dt>{@code {{generated}}}</dt><dd>when the report was made, {@code 2026-11-25 17:40 UTC}</dd>
 * <dt>{@code {{toolVersion}}}</dt><dd>the guest-inspect version of the results</dd>
 * <dt>{@code {{summary}}}</dt><dd>one paragraph: images by outcome, packages, violations by severity</dd>
 * <dt>{@code {{overview}}}</dt><dd>the table of images: status, operating systems, hostnames, packages, cache, time,
 *     policy</dd>
 * <dt>{@code {{failures}}}</dt><dd>section: images that could not be inspected, and why</dd>
 * <dt>{@code {{violations}}}</dt><dd>section: active violations per image and rule, waived ones, expired waivers</dd>
 * <dt>{@code {{changes}}}</dt><dd>section: package changes since the previous run, per image</dd>
 * <dt>{@code {{phaseChart}}}</dt><dd>section: a Mermaid bar chart of the time per phase per image, and its table</dd>
 * <dt>{@code {{trendChart}}}</dt><dd>section: a Mermaid line chart of the earlier runs (two or more), and a table</dd>
 * </dl>
 * A section placeholder brings its own {@code ###} heading and is empty when there is nothing to show (no policy,
 * no failures, no history); runs of blank lines left behind collapse into one. {@code {{!-- ... --}}} is a template
 * comment and is dropped (with the line break after it). An unknown placeholder is an error, naming its line,
 * when the template is read. Values are inserted in one pass, never scanned again, so text from an image cannot
 * reach the template language.
 *
 * <p>Everything that comes from an image (and the title) is untrusted: see {@link MarkdownText} for the escaping
 * of cells and headings and {@link MermaidText} for chart labels. Long lists are cut (with a count of the rest):
 * a pull-request comment holds at most 65,536 characters.
 */
public final class MarkdownReport {
    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("title", "generated", "toolVersion", "summary", "overview",
            "failures", "violations", "changes", "phaseChart", "trendChart");

    static final int MAX_VIOLATION_ROWS = 50;
    static final int MAX_CHANGE_ROWS = 100;
    static final int MAX_OVERVIEW_ROWS = 200;
    static final int MAX_CHART_IMAGES = 30;
    static final int MAX_TREND_POINTS = 30;
    static final int MAX_TREND_ROWS = 10;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Template template;

    /** A report from the default template. */
    public MarkdownReport() {
        this.template = Template.parse(defaultTemplate(), "the default Markdown template", PLACEHOLDERS);
    }

    /**
     * A report from a user's template (UTF-8).
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it uses a placeholder that does not exist
     */
    public MarkdownReport(final Path template) throws IOException {
        this.template = Template.parse(Files.readString(template, StandardCharsets.UTF_8), template.toString(),
                PLACEHOLDERS);
    }

    /** The default template's text, for people who start their own from it. */
    public static String defaultTemplate() {
        try (InputStream input = MarkdownReport.class.getResourceAsStream("default-template.md")) {
            if (input == null) {
                throw new IllegalStateException("default-template.md is missing from the class path");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Writes the report; the writer is flushed, not closed. */
    public void write(final ReportData data, final Writer out) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", MarkdownText.lineStart(data.title()));
        values.put("generated", GENERATED.format(data.generated()));
        values.put("toolVersion", MarkdownText.inline(toolVersion(data)));
        values.put("summary", summary(data));
        values.put("overview", overview(data));
        values.put("failures", failures(data));
        values.put("violations", violations(data));
        values.put("changes", changes(data));
        values.put("phaseChart", phaseChart(data));
        values.put("trendChart", trendChart(data));
        out.write(template.fill(values));
        out.flush();
    }

    private static String toolVersion(final ReportData data) {
        return data.results().stream().map(InspectionResult::toolVersion).filter(v -> !v.isBlank()).findFirst()
                .orElse("");
    }

    // ---- summary and overview

    static String summary(final ReportData data) {
        List<InspectionResult> results = data.results();
        long inspected = count(results, Status.INSPECTED);
        long noOs = count(results, Status.NO_OS_FOUND);
        long failed = count(results, Status.FAILED);
        long packages = results.stream().mapToLong(InspectionResult::packageCount).sum();
        StringBuilder text = new StringBuilder();
        text.append("**").append(results.size()).append("** ").append(plural(results.size(), "image", "images"))
                .append(": ").append(inspected).append(" inspected, ").append(noOs).append(" without an operating")
                .append(" system, ").append(failed).append(" failed \u00b7 ")
                .append(String.format(Locale.ROOT, "%,d", packages)).append(' ')
                .append(plural(packages, "package", "packages"));
        if (data.policy().isPresent()) {
            PolicyEvaluation policy = data.policy().get();
            Map<Severity, Long> counts = policy.counts();
            long waived = policy.violations().stream().filter(Violation::isWaived).count();
            text.append(" \u00b7 policy: ");
            if (policy.active().isEmpty()) {
                text.append("\u2705 passed");
            }
            else {
                text.append(counts.get(Severity.ERROR) > 0 ? "\u274C " : "\u26A0\uFE0F ");
                text.append(String.join(", ", List.of(
                        severityCount(counts.get(Severity.ERROR), Severity.ERROR),
                        severityCount(counts.get(Severity.WARNING), Severity.WARNING),
                        severityCount(counts.get(Severity.INFO), Severity.INFO))));
            }
            if (waived > 0) {
                text.append(" (").append(waived).append(" waived)");
            }
        }
        return text.toString();
    }

    private static String severityCount(final long count, final Severity severity) {
        String label = severity.label();
        String text = count + " " + (count == 1 || severity == Severity.INFO ? label : label + "s");
        return count > 0 && severity == Severity.ERROR ? "**" + text + "**" : text;
    }

    static String overview(final ReportData data) {
        if (data.results().isEmpty()) {
            return "_No images were inspected._";
        }
        StringBuilder table = new StringBuilder();
        table.append("| Image | Status | Operating system | Hostname | Packages | Cache | Time (s) |");
        boolean policy = data.policy().isPresent();
        table.append(policy ? " Policy |\n" : "\n");
        table.append("|---|---|---|---|--:|---|--:|").append(policy ? "---|\n" : "\n");
        int rows = 0;
        for (InspectionResult result : data.results()) {
            if (rows++ == MAX_OVERVIEW_ROWS) {
                table.append(moreRow(data.results().size() - MAX_OVERVIEW_ROWS, "images", policy ? 8 : 7));
                break;
            }
            List<OperatingSystem> systems = result.operatingSystems();
            table.append("| ").append(MarkdownText.cell(result.image().path()))
                    .append(" | ").append(status(result))
                    .append(" | ").append(joined(systems, os -> os.productName().isBlank()
                            ? os.distro() + " " + os.version() : os.productName()))
                    .append(" | ").append(joined(systems, OperatingSystem::hostname))
                    .append(" | ").append(result.isFailed() ? "" : Integer.toString(result.packageCount()))
                    .append(" | ").append(result.isFailed() ? "" : result.cache().hit() ? "hit" : "miss")
                    .append(" | ").append(seconds(result.timings().totalMillis()))
                    .append(" |");
            if (policy) {
                table.append(' ').append(policyCell(data.policy().get(), result)).append(" |");
            }
            table.append('\n');
        }
        return table.toString().stripTrailing();
    }

    private static String status(final InspectionResult result) {
        return switch (result.status()) {
            case INSPECTED -> "\u2705 inspected";
            case NO_OS_FOUND -> "\u26AA no OS found";
            case FAILED -> "\u274C failed (" + result.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')).orElse("") + ")";
        };
    }

    private static String joined(final List<OperatingSystem> systems, final Function<OperatingSystem, String> part) {
        Set<String> parts = new LinkedHashSet<>();
        for (OperatingSystem os : systems) {
            String text = part.apply(os);
            if (!text.isBlank()) {
                parts.add(text);
            }
        }
        return MarkdownText.cell(String.join("; ", parts));
    }

    private static String policyCell(final PolicyEvaluation policy, final InspectionResult result) {
        if (!policy.images().contains(result.image().path())) {
            return "\u2014";
        }
        List<Violation> active = policy.active().stream()
                .filter(v -> v.image().equals(result.image().path())).toList();
        if (active.isEmpty()) {
            return "\u2705";
        }
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long count = active.stream().filter(v -> v.severity() == severity).count();
            if (count > 0) {
                parts.add(severityIcon(severity) + " " + count + " " + (count == 1 || severity == Severity.INFO
                        ? severity.label() : severity.label() + "s"));
            }
        }
        return String.join(", ", parts);
    }

    // ---- failures

    static String failures(final ReportData data) {
        List<InspectionResult> failed = data.results().stream().filter(InspectionResult::isFailed).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### \u274C Images that could not be inspected\n\n");
        text.append("| Image | Reason | Message |\n|---|---|---|\n");
        for (InspectionResult result : failed) {
            text.append("| ").append(MarkdownText.cell(result.image().path())).append(" | ")
                    .append(result.failure().map(f -> f.kind().name()).orElse(""))
                    .append(" | ").append(MarkdownText.inline(MarkdownText.shorten(
                            result.failure().map(f -> f.message()).orElse(""), 400)))
                    .append(" |\n");
        }
        return text.toString();
    }

    // ---- violations

    static String violations(final ReportData data) {
        if (data.policy().isEmpty()) {
            return "";
        }
        PolicyEvaluation policy = data.policy().get();
        Map<String, Rule> rules = policy.rulesById();
        StringBuilder text = new StringBuilder("### Policy violations\n\n");
        List<String> images = policy.allImages();
        List<String> clean = new ArrayList<>();
        for (String image : images) {
            List<Violation> active = policy.activeOf(image);
            List<Violation> waived = policy.waivedOf(image);
            if (active.isEmpty() && waived.isEmpty()) {
                clean.add(image);
                continue;
            }
            text.append("#### ").append(MarkdownText.cell(image)).append("\n\n");
            if (!active.isEmpty()) {
                text.append(violationTable(active, rules));
            }
            if (!waived.isEmpty()) {
                text.append("\nWaived:\n\n");
                int shown = 0;
                for (Violation violation : waived) {
                    if (shown++ == MAX_VIOLATION_ROWS) {
                        text.append("- \u2026 and ").append(waived.size() - MAX_VIOLATION_ROWS).append(" more\n");
                        break;
                    }
                    text.append("- **").append(MarkdownText.inline(violation.ruleId())).append("**: ")
                            .append(MarkdownText.cell(violation.message())).append(" \u2014 waived until ")
                            .append(violation.waiver().map(w -> w.until().toString()).orElse("")).append(": ")
                            .append(MarkdownText.cell(violation.waiver().map(w -> w.reason()).orElse("")))
                            .append('\n');
                }
            }
            text.append('\n');
        }
        if (!clean.isEmpty()) {
            text.append("\u2705 No violations: ").append(clean.stream().limit(MAX_OVERVIEW_ROWS)
                    .map(MarkdownText::cell).collect(Collectors.joining(", ")));
            if (clean.size() > MAX_OVERVIEW_ROWS) {
                text.append(" and ").append(clean.size() - MAX_OVERVIEW_ROWS).append(" more");
            }
            text.append("\n\n");
        }
        if (!policy.expiredWaivers().isEmpty()) {
            text.append("\u26A0\uFE0F Expired waivers (they no longer apply):\n\n");
            for (ExpiredWaiver expired : policy.expiredWaivers()) {
                text.append("- **").append(MarkdownText.inline(expired.ruleId())).append("** on ")
                        .append(MarkdownText.cell(expired.image())).append(": expired ")
                        .append(expired.waiver().until()).append(" (")
                        .append(MarkdownText.cell(expired.waiver().reason())).append(")\n");
            }
        }
        return text.toString();
    }

    private static String violationTable(final List<Violation> active, final Map<String, Rule> rules) {
        StringBuilder table = new StringBuilder("| Severity | Rule | Root | Finding | Expected |\n|---|---|---|---|---|\n");
        int rows = 0;
        for (Violation violation : active) {
            if (rows++ == MAX_VIOLATION_ROWS) {
                table.append(moreRow(active.size() - MAX_VIOLATION_ROWS, "violations (see the SARIF or JUnit report)",
                        5));
                break;
            }
            Rule rule = rules.get(violation.ruleId());
            String ruleText = rule == null || rule.description().isEmpty() ? violation.ruleId()
                    : violation.ruleId() + ": " + rule.description().get();
            table.append("| ").append(severityIcon(violation.severity())).append(' ')
                    .append(violation.severity().label())
                    .append(" | ").append(MarkdownText.cell(ruleText))
                    .append(" | ").append(MarkdownText.cell(violation.root()))
                    .append(" | ").append(MarkdownText.cell(violation.subject()))
                    .append(" | ").append(MarkdownText.cell(violation.expected()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String severityIcon(final Severity severity) {
        return switch (severity) {
            case ERROR -> "\uD83D\uDD34";
            case WARNING -> "\uD83D\uDFE0";
            case INFO -> "\uD83D\uDD35";
        };
    }

    // ---- changes

    static String changes(final ReportData data) {
        if (data.changes().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### Changes since the previous run\n\n");
        List<String> unchanged = new ArrayList<>();
        for (ImageChanges image : data.changes()) {
            if (image.changes().isEmpty()) {
                unchanged.add(image.image());
                continue;
            }
            text.append("**").append(MarkdownText.cell(image.image())).append("**: ")
                    .append(image.count(PackageChange.Kind.ADDED)).append(" added, ")
                    .append(image.count(PackageChange.Kind.REMOVED)).append(" removed, ")
                    .append(image.count(PackageChange.Kind.UPGRADED)).append(" upgraded, ")
                    .append(image.count(PackageChange.Kind.DOWNGRADED)).append(" downgraded\n\n");
            text.append("<details><summary>").append(image.changes().size()).append(' ')
                    .append(plural(image.changes().size(), "package", "packages")).append("</summary>\n\n");
            text.append("| Package | Change | Before | After |\n|---|---|---|---|\n");
            int rows = 0;
            for (PackageChange change : image.changes()) {
                if (rows++ == MAX_CHANGE_ROWS) {
                    text.append(moreRow(image.changes().size() - MAX_CHANGE_ROWS, "changes", 4));
                    break;
                }
                text.append("| ").append(MarkdownText.cell(change.name()))
                        .append(" | ").append(changeLabel(change.kind()))
                        .append(" | ").append(MarkdownText.cell(change.before()))
                        .append(" | ").append(MarkdownText.cell(change.after()))
                        .append(" |\n");
            }
            text.append("\n</details>\n\n");
        }
        if (!unchanged.isEmpty()) {
            text.append("No package changes: ").append(unchanged.stream().limit(MAX_OVERVIEW_ROWS)
                    .map(MarkdownText::cell).collect(Collectors.joining(", ")));
            if (unchanged.size() > MAX_OVERVIEW_ROWS) {
                text.append(" and ").append(unchanged.size() - MAX_OVERVIEW_ROWS).append(" more");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String changeLabel(final PackageChange.Kind kind) {
        return switch (kind) {
            case ADDED -> "\u2795 added";
            case REMOVED -> "\u2796 removed";
            case UPGRADED -> "\u2B06\uFE0F upgraded";
            case DOWNGRADED -> "\u2B07\uFE0F downgraded";
        };
    }

    // ---- charts

    /**
     * Time per phase per image as a Mermaid {@code xychart-beta} bar chart (GitHub and GitLab render it). Mermaid
     * draws the bar series of one category on top of each other, so the series are the cumulative sums, largest
     * first: each phase shows as its own segment of a stacked bar. The palette gives each series its phase's
     * colour, and the legend names them with coloured squares. The table below carries the figures.
     */
    static String phaseChart(final ReportData data) {
        List<InspectionResult> timed = data.results().stream().filter(r -> Phase.total(r) > 0).toList();
        if (timed.isEmpty()) {
            return "";
        }
        List<InspectionResult> charted = timed.size() <= MAX_CHART_IMAGES ? timed : timed.stream()
                .sorted(Comparator.comparingLong(Phase::total).reversed()).limit(MAX_CHART_IMAGES).toList();
        List<Phase> phases = List.of(Phase.values());
        StringBuilder text = new StringBuilder("### Where the time went\n\n");
        if (charted.size() < timed.size()) {
            text.append("The ").append(MAX_CHART_IMAGES).append(" slowest of ").append(timed.size())
                    .append(" images.\n\n");
        }
        double max = charted.stream().mapToDouble(r -> Phase.total(r) / 1000.0).max().orElse(0);
        text.append("```mermaid\n");
        List<String> colors = new ArrayList<>(phases.stream().map(Phase::color).toList());
        Collections.reverse(colors);
        text.append(palette(colors));
        text.append("xychart-beta\n");
        text.append("    title \"Time per phase per image in seconds\"\n");
        text.append("    x-axis ").append(labels(charted.stream().map(r -> r.image().fileName()).toList()))
                .append('\n');
        text.append("    y-axis \"seconds\" 0 --> ").append(axisMax(max)).append('\n');
        for (int top = phases.size(); top > 0; top--) {
            List<Phase> stack = phases.subList(0, top);
            text.append("    bar [").append(charted.stream().map(r -> number(stack.stream()
                    .mapToLong(p -> Math.max(0, p.millis(r))).sum() / 1000.0)).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        text.append("```\n\n");
        text.append(phases.stream().map(p -> p.emoji() + " " + p.label()).collect(Collectors.joining(" \u00b7 ")))
                .append("\n\n");
        text.append("<details><summary>Phase times (s)</summary>\n\n| Image |");
        phases.forEach(p -> text.append(' ').append(p.label()).append(" |"));
        text.append(" total |\n|---|").append("--:|".repeat(phases.size() + 1)).append('\n');
        int rows = 0;
        for (InspectionResult result : timed) {
            if (rows++ == MAX_OVERVIEW_ROWS) {
                text.append(moreRow(timed.size() - MAX_OVERVIEW_ROWS, "images", phases.size() + 2));
                break;
            }
            text.append("| ").append(MarkdownText.cell(result.image().path())).append(" |");
            phases.forEach(p -> text.append(' ').append(seconds(p.millis(result))).append(" |"));
            text.append(' ').append(seconds(Phase.total(result))).append(" |\n");
        }
        text.append("\n</details>\n");
        return text.toString();
    }

    /** The run's trend as a Mermaid {@code xychart-beta} line chart, when there are two runs or more. */
    static String trendChart(final ReportData data) {
        List<TrendPoint> all = data.trend();
        if (all.size() < 2) {
            return "";
        }
        List<TrendPoint> points = all.subList(Math.max(0, all.size() - MAX_TREND_POINTS), all.size());
        List<Phase> phases = Phase.trended();
        List<String> colors = new ArrayList<>();
        colors.add(Phase.WALL_COLOR);
        phases.forEach(p -> colors.add(p.color()));
        double max = points.stream().mapToDouble(p -> Math.max(Math.max(0, p.wallMillis()),
                phases.stream().mapToLong(phase -> Math.max(0, phase.millis(p))).max().orElse(0)) / 1000.0)
                .max().orElse(0);
        StringBuilder text = new StringBuilder("### Trend\n\n");
        text.append("```mermaid\n").append(palette(colors)).append("xychart-beta\n");
        text.append("    title \"Last ").append(points.size()).append(" runs in seconds\"\n");
        text.append("    x-axis ").append(labels(points.stream().map(TrendPoint::label).toList())).append('\n');
        text.append("    y-axis \"seconds\" 0 --> ").append(axisMax(max)).append('\n');
        text.append("    line [").append(points.stream().map(p -> number(Math.max(0, p.wallMillis()) / 1000.0))
                .collect(Collectors.joining(", "))).append("]\n");
        for (Phase phase : phases) {
            text.append("    line [").append(points.stream().map(p -> number(Math.max(0, phase.millis(p)) / 1000.0))
                    .collect(Collectors.joining(", "))).append("]\n");
        }
        text.append("```\n\n");
        text.append(Phase.WALL_EMOJI).append(" wall time \u00b7 ").append(phases.stream()
                .map(p -> p.emoji() + " " + p.label() + " (all images)").collect(Collectors.joining(" \u00b7 ")))
                .append("\n\n");
        List<TrendPoint> recent = all.subList(Math.max(0, all.size() - MAX_TREND_ROWS), all.size());
        text.append("| Run | Images | Cache hits | Failures | Packages | Errors | Warnings | Wall time (s) |\n");
        text.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (int i = recent.size() - 1; i >= 0; i--) {
            TrendPoint point = recent.get(i);
            text.append("| ").append(MarkdownText.cell(point.label()))
                    .append(" | ").append(point.images())
                    .append(" | ").append(point.cacheHits())
                    .append(" | ").append(point.failures())
                    .append(" | ").append(point.packages())
                    .append(" | ").append(point.violations().getOrDefault(Severity.ERROR.label(), 0))
                    .append(" | ").append(point.violations().getOrDefault(Severity.WARNING.label(), 0))
                    .append(" | ").append(seconds(point.wallMillis()))
                    .append(" |\n");
        }
        return text.toString();
    }

    /** A Mermaid init directive giving the xychart its series colours, in order. */
    private static String palette(final List<String> colors) {
        return "%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"" + String.join(", ", colors)
                + "\"}}}}%%\n";
    }

    /** Distinct quoted labels for an x axis: {@code ["a.qcow2", "b.qcow2", "a.qcow2-2"]}. */
    static String labels(final List<String> texts) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        for (String text : texts) {
            String label = MermaidText.label(text);
            String unique = label;
            for (int n = 2; !seen.add(unique); n++) {
                unique = label + "-" + n;
            }
            labels.add('"' + unique + '"');
        }
        return "[" + String.join(", ", labels) + "]";
    }

    private static String axisMax(final double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return "1";
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        double nice = Math.ceil(max * 1.05 / step * 2) * step / 2;
        return number(nice);
    }

    private static String number(final double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, millis) / 1000.0);
    }

    private static String moreRow(final long more, final String what, final int columns) {
        return "| \u2026 and " + more + " more " + what + " |" + " |".repeat(columns - 1) + "\n";
    }

    private static long count(final List<InspectionResult> results, final Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static String plural(final long count, final String one, final String many) {
        return count == 1 ? one : many;
    }

    /**
     * A parsed template: literal text and placeholders, in the HTML report's syntax ({@code {{name}}}, spaces
     * allowed inside the braces, {@code {{!-- ... --}}} comments).
     */
    record Template(List<String> parts) {
        private static final Pattern SLOT = Pattern.compile(
                "\\{\\{!--.*?--}}(?:\\r?\\n)?|\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}", Pattern.DOTALL);

        /** Parts alternate literal, placeholder name, literal, ...; comments dropped. */
        static Template parse(final String text, final String source, final Set<String> known) {
            List<String> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            Matcher matcher = SLOT.matcher(text);
            int end = 0;
            while (matcher.find()) {
                literal.append(text, end, matcher.start());
                end = matcher.end();
                String name = matcher.group(1);
                if (name == null) {
                    continue;
                }
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(source + ": line " + line(text, matcher.start())
                            + ": unknown placeholder {{" + name + "}}; known: " + known.stream().sorted()
                            .collect(Collectors.joining(", ")));
                }
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(name);
            }
            literal.append(text.substring(end));
            parts.add(literal.toString());
            return new Template(List.copyOf(parts));
        }

        private static int line(final String text, final int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        String fill(final Map<String, String> values) {
            StringBuilder page = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                page.append(i % 2 == 0 ? parts.get(i) : Objects.requireNonNull(values.get(parts.get(i))));
            }
            return page.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
        }
    }
}
