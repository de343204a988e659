package io.github.guestinspect.report.html;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.Mountpoint;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.report.ReportData;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.guestinspect.report.html.HtmlText.clean;
import static io.github.guestinspect.report.html.HtmlText.escape;

/**
 * The parts of the page that depend on the data: HTML fragments (every value from an image escaped) and the JSON
 * the page's script draws charts and package tables from. Element ids are made here from indexes only, never from
 * image text.
 */
final class ReportPage {
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NONE = "\u2014";
    /**
     * Rows of an image's violation and change tables: a glob that forbids 50,000 packages must not make a page of
     * 50,000 rows (the package table is the exception: it is drawn by the script, from data, with a filter).
     */
    static final int MAX_ROWS = 1000;

    private final ReportData data;
    private final Optional<PolicyEvaluation> policy;

    ReportPage(final ReportData data) {
        this.data = data;
        this.policy = data.policy();
    }

    String title() {
        return escape(data.title());
    }

    String generated() {
        return escape(GENERATED.format(data.generated()));
    }

    String toolVersion() {
        return escape(data.results().stream().map(InspectionResult::toolVersion).filter(v -> !v.isEmpty())
                .findFirst().orElse(""));
    }

    // ---------------------------------------------------------------- summary

    String summary() {
        List<InspectionResult> results = data.results();
        StringBuilder html = new StringBuilder("<div class=\"cards\">\n");
        card(html, results.size(), "images", "");
        card(html, count(results, Status.INSPECTED), "inspected", "ok");
        card(html, count(results, Status.NO_OS_FOUND), "no OS found", "muted");
        long failed = count(results, Status.FAILED);
        card(html, failed, "failed", failed > 0 ? "bad" : "");
        card(html, results.stream().filter(r -> r.cache().hit()).count(), "cache hits", "");
        html.append("</div>\n<div class=\"cards\">\n");
        if (policy.isPresent()) {
            Map<Severity, Long> counts = policy.get().counts();
            for (Severity severity : Severity.values()) {
                long n = counts.get(severity);
                card(html, n, severity.label() + (n == 1 ? " violation" : " violations"),
                        n > 0 ? "sev-" + severity.label() : "");
            }
            card(html, policy.get().violations().size() - policy.get().active().size(), "waived", "muted");
            int expired = policy.get().expiredWaivers().size();
            card(html, expired, expired == 1 ? "expired waiver" : "expired waivers", expired > 0 ? "sev-warning" : "");
        }
        else {
            html.append("<p class=\"note\">No policy was evaluated in this run.</p>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static void card(final StringBuilder html, final long value, final String label, final String kind) {
        html.append("<div class=\"card").append(kind.isEmpty() ? "" : " " + kind).append("\"><span class=\"number\">")
                .append(value).append("</span><span class=\"label\">").append(escape(label)).append("</span></div>\n");
    }

    private static long count(final List<InspectionResult> results, final Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    // ---------------------------------------------------------------- charts

    String phases() {
        if (data.results().isEmpty()) {
            return "<p class=\"note\">No images in this run.</p>\n";
        }
        return "<div class=\"chart chart-phases\" id=\"chart-phases\" role=\"img\" aria-label=\"Time per phase per"
                + " image\"></div>\n";
    }

    String trends() {
        if (data.trend().size() < 2) {
            return "<p class=\"note\">No history yet: trends appear once two runs have been recorded"
                    + (data.trend().size() == 1 ? " (this is the first)" : "") + ".</p>\n";
        }
        StringBuilder html = new StringBuilder("<div class=\"chart-grid\">\n");
        trendChart(html, "chart-trend-time", "Time per run (summed over images; line: wall time)");
        trendChart(html, "chart-trend-cache", "Cache hit ratio");
        trendChart(html, "chart-trend-packages", "Packages per run");
        trendChart(html, "chart-trend-violations", "Policy violations by severity");
        return html.append("</div>\n").toString();
    }

    private static void trendChart(final StringBuilder html, final String id, final String title) {
        html.append("<figure class=\"trend\"><figcaption>").append(escape(title))
                .append("</figcaption><div class=\"chart\" id=\"").append(id).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\"></div></figure>\n");
    }

    // ---------------------------------------------------------------- overview

    String overview() {
        if (data.results().isEmpty()) {
            return "<p class=\"note\">No images.</p>\n";
        }
        StringBuilder html = new StringBuilder("<div class=\"table-wrap\"><table class=\"overview\">\n<thead><tr>"
                + "<th>Image</th><th>Status</th><th>OS</th><th>Version</th><th>Arch</th><th>Hostname</th>"
                + "<th class=\"num\">Packages</th><th>Cache</th><th class=\"num\">Time</th><th>Violations</th>"
                + "</tr></thead>\n<tbody>\n");
        List<InspectionResult> results = data.results();
        for (int i = 0; i < results.size(); i++) {
            InspectionResult result = results.get(i);
            List<OperatingSystem> roots = result.operatingSystems();
            html.append("<tr><td class=\"path\"><a href=\"#image-").append(i).append("\">")
                    .append(escape(result.image().path())).append("</a></td><td class=\"nowrap\">")
                    .append(status(result))
                    .append("</td><td>").append(joined(roots, OperatingSystem::productName))
                    .append("</td><td>").append(joined(roots, OperatingSystem::version))
                    .append("</td><td class=\"nowrap\">").append(joined(roots, OperatingSystem::architecture))
                    .append("</td><td>").append(joined(roots, OperatingSystem::hostname))
                    .append("</td><td class=\"num\">").append(result.isFailed() ? NONE : result.packageCount())
                    .append("</td><td class=\"nowrap\">").append(cache(result))
                    .append("</td><td class=\"num\">").append(escape(duration(result.timings().totalMillis())))
                    .append("</td><td>").append(violationCounts(result)).append("</td></tr>\n");
        }
        return html.append("</tbody></table></div>\n").toString();
    }

    private static String status(final InspectionResult result) {
        return switch (result.status()) {
            case INSPECTED -> "<span class=\"badge ok\">inspected</span>";
            case NO_OS_FOUND -> "<span class=\"badge muted\">no OS found</span>";
            case FAILED -> "<span class=\"badge bad\" title=\"" + escape(result.failure().map(f -> f.message())
                    .orElse("")) + "\">failed</span>";
        };
    }

    private static String cache(final InspectionResult result) {
        if (result.cache().hit()) {
            return "<span class=\"badge ok\">hit</span>";
        }
        return result.cache().lookupMillis() > 0 || !result.contentHash().isEmpty() ? "miss" : NONE;
    }

    private static String joined(final List<OperatingSystem> roots, final Function<OperatingSystem, String> field) {
        Set<String> values = new LinkedHashSet<>();
        for (OperatingSystem root : roots) {
            String value = field.apply(root);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values.isEmpty() ? NONE : escape(String.join(", ", values));
    }

    private String violationCounts(final InspectionResult result) {
        if (policy.isEmpty()) {
            return "<span class=\"muted-text\">no policy</span>";
        }
        List<Violation> active = violationsOf(result).stream().filter(v -> !v.isWaived()).toList();
        if (active.isEmpty()) {
            return result.isFailed() ? NONE : "<span class=\"muted-text\">none</span>";
        }
        StringBuilder html = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = active.stream().filter(v -> v.severity() == severity).count();
            if (n > 0) {
                html.append("<span class=\"badge sev-").append(severity.label()).append("\">").append(n).append(' ')
                        .append(severity.label()).append("</span> ");
            }
        }
        return html.toString().strip();
    }

    private List<Violation> violationsOf(final InspectionResult result) {
        return policy.map(p -> p.violations().stream().filter(v -> v.image().equals(result.image().path()))
                .toList()).orElse(List.of());
    }

    // ---------------------------------------------------------------- one section per image

    String images() {
        StringBuilder html = new StringBuilder();
        List<InspectionResult> results = data.results();
        for (int i = 0; i < results.size(); i++) {
            image(html, i, results.get(i));
        }
        return html.toString();
    }

    private void image(final StringBuilder html, final int index, final InspectionResult result) {
        html.append("<section class=\"image\" id=\"image-").append(index).append("\">\n<h2>")
                .append(escape(result.image().path())).append(' ').append(status(result)).append("</h2>\n");
        html.append("<p class=\"facts\">").append(String.join(" \u00b7 ", imageFacts(result))).append("</p>\n");
        result.failure().ifPresent(failure -> html.append("<p class=\"failure\"><strong>")
                .append(escape(failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append(":</strong> ").append(escape(failure.message())).append("</p>\n"));
        if (result.status() == Status.NO_OS_FOUND) {
            html.append("<p class=\"note\">The disk was read but holds no operating system guest-inspect"
                    + " recognises.</p>\n");
        }
        List<OperatingSystem> roots = result.operatingSystems();
        for (int r = 0; r < roots.size(); r++) {
            root(html, "p" + index + "-" + r, roots.get(r));
        }
        violations(html, result);
        changes(html, result);
        html.append("</section>\n");
    }

    private static List<String> imageFacts(final InspectionResult result) {
        List<String> facts = new ArrayList<>();
        result.disk().ifPresent(disk -> {
            facts.add(escape(disk.format().qemuName()));
            facts.add(escape(bytes(disk.virtualSize())) + " virtual");
        });
        if (result.image().fileSize() >= 0) {
            facts.add(escape(bytes(result.image().fileSize())) + " file");
        }
        if (!result.contentHash().isEmpty()) {
            String hash = result.contentHash();
            facts.add("<span class=\"mono\" title=\"" + escape(hash) + "\">sha256 "
                    + escape(hash.substring(0, Math.min(12, hash.length()))) + "</span>");
        }
        String cache = cache(result);
        if (!cache.equals(NONE)) {
            facts.add(result.cache().hit() ? "cache hit" : "cache " + cache);
        }
        Timings t = result.timings();
        List<String> phases = new ArrayList<>();
        phase(phases, "hash", t.hashMillis());
        phase(phases, "cache lookup", result.cache().lookupMillis());
        phase(phases, "probe", t.probeMillis());
        if (t.launchShareMillis() > 0) {
            phases.add("launch share " + duration(t.launchShareMillis()) + (t.imagesInAppliance() > 1 ? " of "
                    + t.imagesInAppliance() + " images" : ""));
        }
        phase(phases, "OS", t.osInspectionMillis());
        phase(phases, "packages", t.packageListingMillis());
        facts.add(escape("time " + duration(t.totalMillis()) + (phases.isEmpty() ? "" : " (" + String.join(", ",
                phases) + ")")));
        if (!result.libguestfsVersion().isEmpty()) {
            facts.add("libguestfs " + escape(result.libguestfsVersion()));
        }
        return facts;
    }

    private static void phase(final List<String> phases, final String name, final long millis) {
        if (millis > 0) {
            phases.add(name + " " + duration(millis));
        }
    }

    private static void root(final StringBuilder html, final String tableId, final OperatingSystem os) {
        html.append("<div class=\"root\">\n<h3>Root <span class=\"mono\">").append(escape(os.root()))
                .append("</span></h3>\n<table class=\"facts-table\"><tbody>\n");
        fact(html, "Distribution", escape(os.distro()));
        fact(html, "Product", escape(os.productName()));
        fact(html, "Version", escape(os.version()));
        fact(html, "Architecture", escape(os.architecture()));
        fact(html, "Hostname", os.hostname().isEmpty() ? NONE : "<span class=\"mono\">" + escape(os.hostname())
                + "</span>");
        fact(html, "Packages", escape(os.packageFormat() + " / " + os.packageManager()));
        fact(html, "Kernels", os.kernels().isEmpty() ? NONE : list(os.kernels()));
        List<String> mounts = os.mountpoints().stream().map(ReportPage::mountpoint).toList();
        fact(html, "Mountpoints", mounts.isEmpty() ? NONE : "<ul class=\"plain mono\">" + mounts.stream()
                .map(m -> "<li>" + m + "</li>").collect(Collectors.joining()) + "</ul>");
        fact(html, "Hygiene files", files(os));
        if (!os.factNotes().isEmpty()) {
            fact(html, "Files not read", "<ul class=\"plain\">" + os.factNotes().stream()
                    .map(note -> "<li>" + escape(note) + "</li>").collect(Collectors.joining()) + "</ul>");
        }
        fact(html, "Accounts with a password", os.accountsWithPassword().isEmpty() ? NONE
                : list(os.accountsWithPassword()));
        if (!os.accountsWithEmptyPassword().isEmpty()) {
            fact(html, "Accounts with an empty password", "<span class=\"badge sev-error\">"
                    + escape(String.join(", ", os.accountsWithEmptyPassword())) + "</span>");
        }
        html.append("</tbody></table>\n");
        packages(html, tableId, os);
        html.append("</div>\n");
    }

    private static String mountpoint(final Mountpoint mount) {
        return escape(mount.path()) + " \u2190 " + escape(mount.device());
    }

    private static String list(final List<String> values) {
        return "<span class=\"mono\">" + escape(String.join(", ", values)) + "</span>";
    }

    private static void fact(final StringBuilder html, final String name, final String valueHtml) {
        html.append("<tr><th scope=\"row\">").append(escape(name)).append("</th><td>").append(valueHtml.isEmpty()
                ? NONE : valueHtml).append("</td></tr>\n");
    }

    private static String files(final OperatingSystem os) {
        if (os.fileQueries().isEmpty()) {
            return "<span class=\"muted-text\">not checked</span>";
        }
        List<FileFact> present = os.files().stream().filter(f -> f.type() != FileType.MISSING).toList();
        if (present.isEmpty()) {
            return "<span class=\"muted-text\">none of the " + os.fileQueries().size() + " checked paths exist</span>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"plain mono\">");
        for (FileFact file : present) {
            html.append("<li>").append(escape(file.path())).append(" <span class=\"muted-text\">(")
                    .append(escape(file.type().name().toLowerCase(Locale.ROOT)));
            if (file.type() == FileType.REGULAR) {
                html.append(", ").append(escape(bytes(file.size())));
            }
            html.append(")</span></li>");
        }
        return html.append("</ul>").toString();
    }

    private static void packages(final StringBuilder html, final String tableId, final OperatingSystem os) {
        html.append("<h4>Packages</h4>\n");
        if (!os.packageNote().isEmpty()) {
            html.append("<p class=\"note\">").append(escape(os.packageNote())).append("</p>\n");
        }
        if (os.packages().isEmpty()) {
            html.append("<p class=\"note\">No packages listed.</p>\n");
            return;
        }
        html.append("<div class=\"package-list\" data-packages=\"").append(tableId).append("\">\n")
                .append("<div class=\"package-tools\"><input type=\"search\" class=\"package-search\""
                        + " placeholder=\"Filter by name, version or arch\" aria-label=\"Filter packages\""
                        + " autocomplete=\"off\"> <span class=\"package-count\" aria-live=\"polite\">")
                .append(os.packages().size()).append(" packages</span></div>\n")
                .append("<div class=\"table-scroll\"><table class=\"packages\"><thead><tr>"
                        + "<th aria-sort=\"ascending\"><button type=\"button\" data-column=\"0\">Name</button></th>"
                        + "<th><button type=\"button\" data-column=\"1\">Version</button></th>"
                        + "<th><button type=\"button\" data-column=\"2\">Arch</button></th>"
                        + "</tr></thead><tbody></tbody></table></div>\n")
                .append("<noscript><p class=\"note\">The package table needs JavaScript.</p></noscript>\n</div>\n");
    }

    private void violations(final StringBuilder html, final InspectionResult result) {
        html.append("<h3>Policy violations</h3>\n");
        if (policy.isEmpty()) {
            html.append("<p class=\"note\">No policy was evaluated.</p>\n");
            return;
        }
        if (!policy.get().images().contains(result.image().path())) {
            html.append("<p class=\"note\">Not evaluated (the image could not be inspected).</p>\n");
            return;
        }
        List<Violation> violations = violationsOf(result);
        if (violations.isEmpty()) {
            html.append("<p class=\"note good\">No violations.</p>\n");
            return;
        }
        if (violations.size() > MAX_ROWS) {
            html.append("<p class=\"note\">The first ").append(MAX_ROWS).append(" of ").append(violations.size())
                    .append(" violations; the SARIF and JUnit reports list every one.</p>\n");
        }
        html.append("<div class=\"table-wrap\"><table class=\"violations\"><thead><tr><th>Rule</th><th>Severity</th>"
                + "<th>Root</th><th>Subject</th><th>Expected</th><th>Waiver</th></tr></thead>\n<tbody>\n");
        for (Violation violation : violations.subList(0, Math.min(MAX_ROWS, violations.size()))) {
            html.append(violation.isWaived() ? "<tr class=\"waived\">" : "<tr>")
                    .append("<td class=\"mono nowrap\">").append(escape(violation.ruleId()))
                    .append("</td><td class=\"nowrap\"><span class=\"badge sev-")
                    .append(violation.severity().label()).append("\">").append(violation.severity().label())
                    .append("</span></td><td class=\"mono nowrap\">").append(violation.root().isEmpty() ? NONE
                            : escape(violation.root()))
                    .append("</td><td>").append(escape(violation.subject()))
                    .append("</td><td>").append(escape(violation.expected())).append("</td><td>")
                    .append(violation.waiver().map(w -> "waived until " + escape(w.until().toString()) + ": "
                            + escape(w.reason())).orElse(NONE)).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void changes(final StringBuilder html, final InspectionResult result) {
        html.append("<h3>Changes since the previous run</h3>\n");
        Optional<ImageChanges> found = data.changes().stream()
                .filter(c -> c.image().equals(result.image().path())).findFirst();
        if (found.isEmpty()) {
            html.append("<p class=\"note\">No earlier result of this image to compare with.</p>\n");
            return;
        }
        ImageChanges changes = found.get();
        if (changes.changes().isEmpty()) {
            html.append("<p class=\"note good\">No package changed.</p>\n");
            return;
        }
        List<String> counts = new ArrayList<>();
        for (PackageChange.Kind kind : PackageChange.Kind.values()) {
            long n = changes.count(kind);
            if (n > 0) {
                counts.add(n + " " + kind.name().toLowerCase(Locale.ROOT));
            }
        }
        html.append("<p>").append(escape(String.join(", ", counts)))
                .append(changes.changes().size() > MAX_ROWS ? "; the first " + MAX_ROWS + " are listed, guest-inspect"
                        + " diff lists every one" : "").append("</p>\n")
                .append("<div class=\"table-scroll short\"><table class=\"changes\"><thead><tr><th>Change</th>"
                        + "<th>Package</th><th>Before</th><th>After</th></tr></thead>\n<tbody>\n");
        for (PackageChange change : changes.changes().subList(0, Math.min(MAX_ROWS, changes.changes().size()))) {
            String kind = change.kind().name().toLowerCase(Locale.ROOT);
            html.append("<tr><td class=\"nowrap\"><span class=\"badge change-").append(kind).append("\">").append(kind)
                    .append("</span></td><td>").append(escape(change.name())).append("</td><td>")
                    .append(change.before().isEmpty() ? NONE : escape(change.before())).append("</td><td>")
                    .append(change.after().isEmpty() ? NONE : escape(change.after())).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    // ---------------------------------------------------------------- data for the script

    /** What the page's script reads: chart series and package rows. Strings are cleaned, not escaped. */
    Map<String, Object> scriptData() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("phases", phaseData());
        model.put("trend", data.trend().size() < 2 ? null : trendData());
        Map<String, Object> packages = new LinkedHashMap<>();
        List<InspectionResult> results = data.results();
        for (int i = 0; i < results.size(); i++) {
            List<OperatingSystem> roots = results.get(i).operatingSystems();
            for (int r = 0; r < roots.size(); r++) {
                List<List<String>> rows = new ArrayList<>();
                for (InstalledPackage pkg : roots.get(r).packages()) {
                    rows.add(List.of(clean(pkg.name()), clean(pkg.fullVersion()), clean(pkg.architecture())));
                }
                packages.put("p" + i + "-" + r, rows);
            }
        }
        model.put("packages", packages);
        return model;
    }

    private Map<String, Object> phaseData() {
        List<String> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean unique = data.results().stream().allMatch(r -> names.add(r.image().fileName()));
        List<Double> hash = new ArrayList<>();
        List<Double> lookup = new ArrayList<>();
        List<Double> launch = new ArrayList<>();
        List<Double> os = new ArrayList<>();
        List<Double> listing = new ArrayList<>();
        for (InspectionResult result : data.results()) {
            labels.add(clean(unique ? result.image().fileName() : result.image().path()));
            Timings t = result.timings();
            hash.add(seconds(t.hashMillis()));
            lookup.add(seconds(result.cache().lookupMillis()));
            launch.add(seconds(t.launchShareMillis()));
            os.add(seconds(t.osInspectionMillis()));
            listing.add(seconds(t.packageListingMillis()));
        }
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("labels", labels);
        phases.put("series", phaseSeries(hash, lookup, launch, os, listing));
        return phases;
    }

    private Map<String, Object> trendData() {
        List<String> labels = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> hash = new ArrayList<>();
        List<Double> lookup = new ArrayList<>();
        List<Double> launch = new ArrayList<>();
        List<Double> os = new ArrayList<>();
        List<Double> listing = new ArrayList<>();
        List<Double> hitRatio = new ArrayList<>();
        List<Long> packages = new ArrayList<>();
        Map<String, List<Integer>> violations = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            violations.put(severity.label(), new ArrayList<>());
        }
        for (TrendPoint point : data.trend()) {
            labels.add(clean(point.label()));
            wall.add(seconds(point.wallMillis()));
            hash.add(seconds(point.hashMillis()));
            lookup.add(seconds(point.cacheLookupMillis()));
            launch.add(seconds(point.launchMillis()));
            os.add(seconds(point.osInspectionMillis()));
            listing.add(seconds(point.packageListingMillis()));
            hitRatio.add(Math.round(point.cacheHitRatio() * 1000) / 10.0);
            packages.add(point.packages());
            violations.forEach((label, values) -> values.add(point.violations().getOrDefault(label, 0)));
        }
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("labels", labels);
        trend.put("wall", wall);
        trend.put("series", phaseSeries(hash, lookup, launch, os, listing));
        trend.put("cacheHitRatio", hitRatio);
        trend.put("packages", packages);
        trend.put("violations", violations);
        return trend;
    }

    private static Map<String, Object> phaseSeries(final List<Double> hash, final List<Double> lookup,
                                                   final List<Double> launch, final List<Double> os,
                                                   final List<Double> listing) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("hash", hash);
        series.put("cacheLookup", lookup);
        series.put("launch", launch);
        series.put("osInspection", os);
        series.put("packageListing", listing);
        return series;
    }

    private static double seconds(final long millis) {
        return millis / 1000.0;
    }

    // ---------------------------------------------------------------- units

    static String duration(final long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, millis < 10_000 ? "%.2f s" : "%.1f s", millis / 1000.0);
    }

    static String bytes(final long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
