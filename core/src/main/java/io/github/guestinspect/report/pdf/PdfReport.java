package io.github.guestinspect.report.pdf;

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
import io.github.guestinspect.report.pdf.PdfCanvas.Cell;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * The run as a PDF (A4, Apache PDFBox): title and summary, the table of images, the images that failed, a stacked
 * bar chart of the time per phase per image, the trend over earlier runs (a line chart, with two runs or more),
 * policy violations per image and rule, and package changes since the previous run. Pages break between table rows
 * (the header repeats) and chart rows; every page has a footer with its number.
 *
 * <p>Charts are vector paths. Text is Liberation Sans embedded as a subset (see {@link PdfFonts} for why, and for
 * the fallback); everything from an image is untrusted and is drawn as plain text: controls and bidirectional
 * overrides as visible escapes, characters the font lacks as '?', overlong values shortened, so no input can make
 * the report fail or mislead. The stream is flushed, not closed.
 */
public final class PdfReport {
    static final int MAX_VIOLATION_ROWS = 500;
    static final int MAX_CHANGE_ROWS = 300;
    static final int MAX_TREND_POINTS = 60;
    static final int MAX_TREND_ROWS = 10;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final float[] GREEN = PdfCanvas.rgb("#1A7F37");
    private static final float[] GREY = PdfCanvas.rgb("#8C959F");
    private static final float[] RED = PdfCanvas.rgb("#CF222E");
    private static final float[] ORANGE = PdfCanvas.rgb("#D4760A");
    private static final float[] BLUE = PdfCanvas.rgb("#4E79A7");

    private final boolean embedFont;

    /** A report with the embedded Unicode font. */
    public PdfReport() {
        this(true);
    }

    /** {@code embedFont} false: the standard 14 fonts (for tests of the fallback). */
    PdfReport(final boolean embedFont) {
        this.embedFont = embedFont;
    }

    public void write(final ReportData data, final OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            info(document, data);
            try (PdfCanvas canvas = new PdfCanvas(document, embedFont)) {
                title(canvas, data);
                overview(canvas, data);
                failures(canvas, data);
                phases(canvas, data);
                trend(canvas, data);
                violations(canvas, data);
                changes(canvas, data);
                canvas.footers(canvas.clean("guest-inspect " + toolVersion(data) + " \u00b7 " + data.title()
                        + " \u00b7 " + GENERATED.format(data.generated())));
            }
            document.save(out);
        }
        out.flush();
    }

    private static void info(final PDDocument document, final ReportData data) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(PdfText.visible(data.title()));
        info.setCreator("guest-inspect " + PdfText.visible(toolVersion(data)));
        info.setProducer("guest-inspect with Apache PDFBox");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.setTimeInMillis(data.generated().toEpochMilli());
        info.setCreationDate(created);
    }

    private static String toolVersion(final ReportData data) {
        return data.results().stream().map(InspectionResult::toolVersion).filter(v -> !v.isBlank()).findFirst()
                .orElse("");
    }

    // ---- title and overview

    private static void title(final PdfCanvas canvas, final ReportData data) throws IOException {
        List<String> lines = canvas.wrap(canvas.clean(data.title()), PdfCanvas.WIDTH, 18, true);
        for (String line : lines.subList(0, Math.min(3, lines.size()))) {
            canvas.down(22);
            canvas.text(line, PdfCanvas.LEFT, canvas.y(), 18, true, PdfCanvas.TEXT);
        }
        canvas.down(4);
        canvas.paragraph("Generated " + GENERATED.format(data.generated()) + " by guest-inspect "
                + toolVersion(data), 8.5f, PdfCanvas.MUTED);
        canvas.down(6);
        canvas.paragraph(summary(data), 10, PdfCanvas.TEXT);
    }

    static String summary(final ReportData data) {
        List<InspectionResult> results = data.results();
        long inspected = results.stream().filter(r -> r.status() == Status.INSPECTED).count();
        long noOs = results.stream().filter(r -> r.status() == Status.NO_OS_FOUND).count();
        long failed = results.stream().filter(InspectionResult::isFailed).count();
        long packages = results.stream().mapToLong(InspectionResult::packageCount).sum();
        StringBuilder text = new StringBuilder();
        text.append(results.size()).append(results.size() == 1 ? " image: " : " images: ").append(inspected)
                .append(" inspected, ").append(noOs).append(" without an operating system, ").append(failed)
                .append(" failed. ").append(String.format(Locale.ROOT, "%,d", packages))
                .append(packages == 1 ? " package." : " packages.");
        data.policy().ifPresent(policy -> {
            Map<Severity, Long> counts = policy.counts();
            long waived = policy.violations().stream().filter(Violation::isWaived).count();
            text.append(" Policy: ");
            if (policy.active().isEmpty()) {
                text.append("passed");
            }
            else {
                text.append(counts.get(Severity.ERROR) > 0 ? "failed, "
                        : "passed with findings, ").append(counts.get(Severity.ERROR)).append(" errors, ")
                        .append(counts.get(Severity.WARNING)).append(" warnings, ")
                        .append(counts.get(Severity.INFO)).append(" info");
            }
            if (waived > 0) {
                text.append(" (").append(waived).append(" waived)");
            }
            text.append('.');
        });
        return text.toString();
    }

    private static void overview(final PdfCanvas canvas, final ReportData data) throws IOException {
        canvas.heading("Images", 40);
        if (data.results().isEmpty()) {
            canvas.paragraph("No images were inspected.", 9, PdfCanvas.MUTED);
            return;
        }
        boolean policy = data.policy().isPresent();
        List<String> header = new ArrayList<>(List.of("Image", "Status", "Operating system", "Hostname", "Packages",
                "Cache", "Time"));
        List<Float> widths = new ArrayList<>(List.of(2.2f, 1.45f, 2.2f, 2.1f, 1.05f, 0.75f, 0.85f));
        if (policy) {
            header.add("Policy");
            widths.add(1.5f);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (InspectionResult result : data.results()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(result.image().path()));
            row.add(status(result));
            row.add(Cell.of(joined(result.operatingSystems(), true)));
            row.add(Cell.of(joined(result.operatingSystems(), false)));
            row.add(Cell.number(result.isFailed() ? "" : Integer.toString(result.packageCount())));
            row.add(Cell.of(result.isFailed() ? "" : result.cache().hit() ? "hit" : "miss"));
            row.add(Cell.number(PdfCharts.seconds(result.timings().totalMillis())));
            if (policy) {
                row.add(policyCell(data.policy().get(), result));
            }
            rows.add(row);
        }
        canvas.table(header, toArray(widths), rows, 3);
    }

    private static Cell status(final InspectionResult result) {
        return switch (result.status()) {
            case INSPECTED -> Cell.marked("inspected", GREEN);
            case NO_OS_FOUND -> Cell.marked("no OS found", GREY);
            case FAILED -> Cell.marked("failed", RED);
        };
    }

    private static String joined(final List<OperatingSystem> systems, final boolean product) {
        Set<String> parts = new LinkedHashSet<>();
        for (OperatingSystem os : systems) {
            String text = product ? (os.productName().isBlank() ? os.distro() + " " + os.version()
                    : os.productName()) : os.hostname();
            if (!text.isBlank()) {
                parts.add(PdfText.shorten(text, 120));
            }
        }
        return String.join("; ", parts);
    }

    private static Cell policyCell(final PolicyEvaluation policy, final InspectionResult result) {
        if (!policy.images().contains(result.image().path())) {
            return Cell.of("\u2014");
        }
        List<Violation> active = policy.active().stream()
                .filter(v -> v.image().equals(result.image().path())).toList();
        if (active.isEmpty()) {
            return Cell.marked("passed", GREEN);
        }
        Severity worst = active.stream().map(Violation::severity).min(Comparator.naturalOrder()).orElseThrow();
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long count = active.stream().filter(v -> v.severity() == severity).count();
            if (count > 0) {
                parts.add(count + " " + (count == 1 || severity == Severity.INFO ? severity.label()
                        : severity.label() + "s"));
            }
        }
        return Cell.marked(String.join(", ", parts), color(worst));
    }

    private static float[] color(final Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> ORANGE;
            case INFO -> BLUE;
        };
    }

    private static void failures(final PdfCanvas canvas, final ReportData data) throws IOException {
        List<InspectionResult> failed = data.results().stream().filter(InspectionResult::isFailed).toList();
        if (failed.isEmpty()) {
            return;
        }
        canvas.heading("Images that could not be inspected", 30);
        List<List<Cell>> rows = new ArrayList<>();
        for (InspectionResult result : failed) {
            rows.add(List.of(Cell.of(result.image().path()),
                    Cell.marked(result.failure().map(f -> f.kind().name()).orElse(""), RED),
                    Cell.of(result.failure().map(f -> f.message()).orElse(""))));
        }
        canvas.table(List.of("Image", "Reason", "Message"), new float[] {2.3f, 2f, 5.7f}, rows, 4);
    }

    // ---- charts

    private static void phases(final PdfCanvas canvas, final ReportData data) throws IOException {
        List<InspectionResult> timed = data.results().stream().filter(r -> Phase.total(r) > 0).toList();
        if (timed.isEmpty()) {
            return;
        }
        canvas.heading("Where the time went", 70);
        canvas.paragraph("Time per phase per image; the launch of an appliance is shared by the images it read.",
                8.5f, PdfCanvas.MUTED);
        PdfCharts.phases(canvas, timed);
    }

    private static void trend(final PdfCanvas canvas, final ReportData data) throws IOException {
        List<TrendPoint> all = data.trend();
        if (all.size() < 2) {
            return;
        }
        List<TrendPoint> points = all.subList(Math.max(0, all.size() - MAX_TREND_POINTS), all.size());
        canvas.heading("Trend", 230);
        canvas.paragraph("The last " + points.size() + " runs: wall time and the time each phase took over all"
                + " images, in seconds.", 8.5f, PdfCanvas.MUTED);
        PdfCharts.trend(canvas, points);
        List<TrendPoint> recent = all.subList(Math.max(0, all.size() - MAX_TREND_ROWS), all.size());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            TrendPoint point = recent.get(i);
            rows.add(List.of(Cell.of(point.label()), Cell.number(Integer.toString(point.images())),
                    Cell.number(String.format(Locale.ROOT, "%d (%.0f%%)", point.cacheHits(),
                            point.cacheHitRatio() * 100)),
                    Cell.number(Integer.toString(point.failures())), Cell.number(Long.toString(point.packages())),
                    Cell.number(Integer.toString(point.violations().getOrDefault(Severity.ERROR.label(), 0))),
                    Cell.number(Integer.toString(point.violations().getOrDefault(Severity.WARNING.label(), 0))),
                    Cell.number(PdfCharts.seconds(point.wallMillis()))));
        }
        canvas.table(List.of("Run", "Images", "Cache hits", "Failures", "Packages", "Errors", "Warnings",
                "Wall time"), new float[] {2.2f, 1, 1.3f, 1, 1.2f, 1, 1, 1.2f}, rows, 1);
    }

    // ---- violations

    private static void violations(final PdfCanvas canvas, final ReportData data) throws IOException {
        if (data.policy().isEmpty()) {
            return;
        }
        PolicyEvaluation policy = data.policy().get();
        Map<String, Rule> rules = policy.rulesById();
        canvas.heading("Policy violations", 40);
        List<String> images = policy.allImages();
        List<String> clean = new ArrayList<>();
        for (String image : images) {
            List<Violation> active = policy.activeOf(image);
            List<Violation> waived = policy.waivedOf(image);
            if (active.isEmpty() && waived.isEmpty()) {
                clean.add(image);
                continue;
            }
            canvas.subheading(image, 60);
            List<List<Cell>> rows = new ArrayList<>();
            for (Violation violation : active.subList(0, Math.min(active.size(), MAX_VIOLATION_ROWS))) {
                rows.add(violationRow(violation, rules, false));
            }
            for (Violation violation : waived.subList(0, Math.min(waived.size(), MAX_VIOLATION_ROWS))) {
                rows.add(violationRow(violation, rules, true));
            }
            canvas.table(List.of("Severity", "Rule", "Root", "Finding", "Expected"),
                    new float[] {1.1f, 2.6f, 1.2f, 3, 2.1f}, rows, 4);
            int cut = Math.max(0, active.size() - MAX_VIOLATION_ROWS) + Math.max(0, waived.size()
                    - MAX_VIOLATION_ROWS);
            if (cut > 0) {
                canvas.paragraph("\u2026 and " + cut + " more (see the SARIF or JUnit report).", 8.5f,
                        PdfCanvas.MUTED);
            }
        }
        if (!clean.isEmpty()) {
            canvas.down(4);
            canvas.paragraph("No violations: " + clean.stream().limit(200).map(i -> PdfText.shorten(i, 120))
                    .collect(Collectors.joining(", ")) + (clean.size() > 200 ? " and " + (clean.size() - 200)
                    + " more" : "") + ".", 9, PdfCanvas.TEXT);
        }
        if (!policy.expiredWaivers().isEmpty()) {
            canvas.down(6);
            canvas.subheading("Expired waivers (they no longer apply)", 40);
            List<List<Cell>> rows = new ArrayList<>();
            for (ExpiredWaiver expired : policy.expiredWaivers()) {
                rows.add(List.of(Cell.of(expired.ruleId()), Cell.of(expired.image()),
                        Cell.marked(expired.waiver().until().toString(), ORANGE),
                        Cell.of(expired.waiver().reason())));
            }
            canvas.table(List.of("Rule", "Image", "Expired", "Reason"), new float[] {2, 2.5f, 1.2f, 4}, rows, 3);
        }
    }

    private static List<Cell> violationRow(final Violation violation, final Map<String, Rule> rules,
                                           final boolean waived) {
        Rule rule = rules.get(violation.ruleId());
        String ruleText = rule == null || rule.description().isEmpty() ? violation.ruleId()
                : violation.ruleId() + ": " + rule.description().get();
        String expected = violation.expected();
        if (waived) {
            expected = expected + " \u2014 waived until " + violation.waiver().map(w -> w.until() + ": "
                    + w.reason()).orElse("");
        }
        return List.of(Cell.marked(waived ? "waived" : violation.severity().label(),
                        waived ? GREY : color(violation.severity())),
                Cell.of(ruleText), Cell.of(violation.root()), Cell.of(violation.subject()), Cell.of(expected));
    }

    // ---- changes

    private static void changes(final PdfCanvas canvas, final ReportData data) throws IOException {
        if (data.changes().isEmpty()) {
            return;
        }
        canvas.heading("Changes since the previous run", 40);
        List<String> unchanged = new ArrayList<>();
        for (ImageChanges image : data.changes()) {
            if (image.changes().isEmpty()) {
                unchanged.add(image.image());
                continue;
            }
            canvas.subheading(image.image(), 70);
            canvas.paragraph(image.count(PackageChange.Kind.ADDED) + " added, "
                    + image.count(PackageChange.Kind.REMOVED) + " removed, "
                    + image.count(PackageChange.Kind.UPGRADED) + " upgraded, "
                    + image.count(PackageChange.Kind.DOWNGRADED) + " downgraded", 8.5f, PdfCanvas.MUTED);
            canvas.down(3);
            List<List<Cell>> rows = new ArrayList<>();
            for (PackageChange change : image.changes().subList(0, Math.min(image.changes().size(),
                    MAX_CHANGE_ROWS))) {
                rows.add(List.of(Cell.of(change.name()), Cell.marked(change.kind().name().toLowerCase(Locale.ROOT),
                        changeColor(change.kind())), Cell.of(change.before()), Cell.of(change.after())));
            }
            canvas.table(List.of("Package", "Change", "Before", "After"), new float[] {3, 1.4f, 2.8f, 2.8f}, rows,
                    2);
            if (image.changes().size() > MAX_CHANGE_ROWS) {
                canvas.paragraph("\u2026 and " + (image.changes().size() - MAX_CHANGE_ROWS) + " more changes.", 8.5f,
                        PdfCanvas.MUTED);
            }
        }
        if (!unchanged.isEmpty()) {
            canvas.down(4);
            canvas.paragraph("No package changes: " + unchanged.stream().limit(200)
                    .map(i -> PdfText.shorten(i, 120)).collect(Collectors.joining(", ")) + ".", 9, PdfCanvas.TEXT);
        }
    }

    private static float[] changeColor(final PackageChange.Kind kind) {
        return switch (kind) {
            case ADDED -> GREEN;
            case REMOVED -> RED;
            case UPGRADED -> BLUE;
            case DOWNGRADED -> ORANGE;
        };
    }

    private static float[] toArray(final List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
