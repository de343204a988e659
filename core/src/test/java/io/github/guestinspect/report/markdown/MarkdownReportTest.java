package io.github.guestinspect.report.markdown;

import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.samples.ReportSamples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownReportTest {
    private static final List<Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();
    /** Every element the report itself writes; anything else came from the data. */
    private static final Set<String> OUR_ELEMENTS = Set.of("h2", "h3", "h4", "p", "table", "thead", "tbody", "tr",
            "th", "td", "strong", "details", "summary", "sub", "pre", "code", "ul", "li", "br");
    private static final Pattern ELEMENT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)");

    @Test
    void shouldSummariseARealisticRun() {
        String markdown = render(ReportSamples.realistic());

        assertThat(markdown).startsWith("<!-- guest-inspect report -->\n## guest-inspect report \u2014 images \\#42\n");
        assertThat(markdown).doesNotContain("{{");
        assertThat(markdown).contains("**5** images: 3 inspected, 1 without an operating system, 1 failed");
        assertThat(markdown).contains("policy: \u274C **2 errors**, 3 warnings, 1 info (1 waived)");
        assertThat(markdown).contains("| out/web-01.qcow2 | \u2705 inspected | Debian GNU/Linux 12 (bookworm) |");
        assertThat(markdown).contains("| out/legacy-7.vmdk | \u274C failed (corrupt) |");
        assertThat(markdown).contains("### \u274C Images that could not be inspected");
        assertThat(markdown).contains("#### out/web-01.qcow2");
        assertThat(markdown).contains("| \uD83D\uDD34 error | no-telnet: Telnet servers must not be installed |");
        assertThat(markdown).contains("waived until 2027-03-31: vendor image, replaced in Q1 (OPS-1432)");
        assertThat(markdown).contains("Expired waivers").contains("expired 2026-10-01");
        assertThat(markdown).contains("\u2705 No violations: out/scratch-disk.raw");
        assertThat(markdown).contains("No package changes: out/db-01.qcow2");
        assertThat(markdown).contains("| openssl | \u2B06\uFE0F upgraded | 3.0.11-1\\~deb12u1 | 3.0.11-1\\~deb12u2 |");
        assertThat(markdown).contains("### Where the time went").contains("### Trend");
        assertThat(markdown).contains("| \\#42 | 5 | 3 | 1 | 1471 | 2 | 3 | 26.8 |");
        assertThat(markdown).endsWith("<sub>guest-inspect 0.1.0 \u00b7 2026-11-25 17:40 UTC</sub>\n");

        List<Table> tables = tables(markdown);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
        Table overview = tables.get(0);
        assertThat(overview.header()).containsExactly("Image", "Status", "Operating system", "Hostname", "Packages",
                "Cache", "Time (s)", "Policy");
        assertThat(overview.rows()).hasSize(5);
        assertThat(overview.rows().get(1)).containsExactly("out/db-01.qcow2", "\u2705 inspected",
                "Rocky Linux 9.3 (Blue Onyx)", "db-01.example.internal", "3", "miss", "23.9", "\u2705");
        assertThat(overview.rows().get(0).get(7)).isEqualTo("\uD83D\uDD34 2 errors, \uD83D\uDFE0 2 warnings, "
                + "\uD83D\uDD35 1 info");
        assertThat(elements(markdown)).isSubsetOf(OUR_ELEMENTS);
    }

    @Test
    void shouldKeepHostileTextInertInEveryPlace() {
        for (String text : ReportSamples.HOSTILE) {
            String markdown = render(ReportSamples.hostile(text));

            assertInert(markdown, text);
            assertThat(mermaidBlocks(markdown)).hasSize(2);
        }
    }

    /**
     * What a report must be whatever text it shows: only our elements once rendered (nothing active, no link, no
     * emphasis, no mention), no control or bidirectional character, every table row complete, charts well-formed.
     */
    static void assertInert(final String markdown, final String what) {
        String html = HTML.render(PARSER.parse(markdown));

        assertThat(elements(markdown)).as("elements rendered for %s", what).isSubsetOf(OUR_ELEMENTS);
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<a ")
                .doesNotContain("<del>").doesNotContain("<em>").doesNotContain("<h1>");
        assertThat(html).doesNotContainPattern("@[A-Za-z0-9]");
        assertThat(html.split("<code", -1)).as("code elements are the mermaid blocks")
                .hasSize(mermaidBlocks(markdown).size() + 1);
        assertThat(markdown).doesNotContain("\u202E").doesNotContain("\u001b").doesNotContain("\uD800");
        for (Table table : tables(markdown)) {
            for (List<String> row : table.rows()) {
                assertThat(row).as("a row of %s for %s", table.header(), what).hasSize(table.header().size());
            }
        }
        mermaidBlocks(markdown).forEach(MarkdownReportTest::assertWellFormedXyChart);
    }

    @Test
    void shouldKeepEveryCellInItsColumn() {
        String markdown = render(ReportSamples.hostile("h"));
        Table violations = tables(markdown).stream()
                .filter(t -> t.header().equals(List.of("Severity", "Rule", "Root", "Finding", "Expected")))
                .findFirst().orElseThrow();
        List<String> expected = ReportSamples.HOSTILE.stream()
                .map(s -> MarkdownText.visible(MarkdownText.shorten(s, MarkdownText.CELL_LIMIT))
                        .replace("@", "@\u200B"))
                .toList();
        assertThat(violations.rows()).extracting(row -> row.get(3)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(violations.rows()).allSatisfy(row -> assertThat(row.get(4)).isEqualTo("h"));

        Table changes = tables(markdown).stream()
                .filter(t -> t.header().equals(List.of("Package", "Change", "Before", "After")))
                .findFirst().orElseThrow();
        assertThat(changes.rows()).extracting(row -> row.get(0)).containsExactlyElementsOf(expected);
        assertThat(changes.rows()).extracting(row -> row.get(3)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 200)
    void shouldRenderAnyTextInert(@ForAll("texts") final String text) {
        String markdown = render(ReportSamples.hostile(text));

        assertThat(elements(markdown)).isSubsetOf(OUR_ELEMENTS);
        for (Table table : tables(markdown)) {
            assertThat(table.rows()).allSatisfy(row -> assertThat(row).hasSize(table.header().size()));
        }
        mermaidBlocks(markdown).forEach(MarkdownReportTest::assertWellFormedXyChart);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("<>|`*_[]()!#~$@&\\\"'%{};:\n\r\t -+=.1aZ").ofMaxLength(30),
                Arbitraries.of(ReportSamples.HOSTILE));
    }

    @Test
    void shouldDrawWellFormedMermaidCharts() {
        String markdown = render(ReportSamples.realistic());

        List<String> blocks = mermaidBlocks(markdown);
        assertThat(blocks).hasSize(2);
        blocks.forEach(MarkdownReportTest::assertWellFormedXyChart);

        String phases = blocks.get(0);
        assertThat(phases).contains("x-axis [\"web-01.qcow2\", \"db-01.qcow2\", \"edge-alpine.qcow2\", "
                + "\"scratch-disk.raw\", \"legacy-7.vmdk\"]");
        assertThat(lines(phases, "bar")).hasSize(6);
        // the first series is the whole stack: the total of every phase
        assertThat(lines(phases, "bar").get(0)).isEqualTo("bar [13.8, 18.5, 0.0, 3.9, 0.3]");
        assertThat(lines(phases, "bar").get(5)).isEqualTo("bar [2.1, 3.4, 0.0, 0.6, 0.0]");
        assertThat(phases).contains("\"plotColorPalette\": \"#E15759, #59A14F, #F28E2B, #9C755F, #B07AA1, #4E79A7\"");

        String trend = blocks.get(1);
        assertThat(trend).contains("x-axis [\"_35\", \"_36\", \"_37\", \"_38\", \"_39\", \"_40\", \"_41\", \"_42\"]");
        assertThat(lines(trend, "line")).hasSize(6);
    }

    @Test
    void shouldLeaveTheTrendOutWithFewerThanTwoRuns() {
        ReportData realistic = ReportSamples.realistic();
        ReportData oneRun = new ReportData(realistic.title(), realistic.generated(), realistic.results(),
                realistic.policy(), realistic.trend().subList(0, 1), realistic.changes());
        String markdown = render(oneRun);

        assertThat(markdown).doesNotContain("### Trend");
        assertThat(mermaidBlocks(markdown)).hasSize(1);
        assertThat(MarkdownReport.trendChart(oneRun)).isEmpty();
    }

    @Test
    void shouldLeaveOutWhatARunDoesNotHave() {
        ReportData bare = new ReportData("Plain", ReportSamples.GENERATED, ReportSamples.realistic().results(),
                java.util.Optional.empty(), List.of(), List.of());
        String markdown = render(bare);

        assertThat(markdown).doesNotContain("Policy violations").doesNotContain("Changes since")
                .doesNotContain("### Trend").doesNotContain("\n\n\n");
        assertThat(tables(markdown).get(0).header()).doesNotContain("Policy");
        assertThat(render(new ReportData("Empty", ReportSamples.GENERATED, List.of(), java.util.Optional.empty(),
                List.of(), List.of()))).contains("_No images were inspected._").contains("**0** images");
    }

    @Test
    void shouldCutLongListsAndSayHowManyMore() {
        String markdown = render(ReportSamples.large(40, 150, 60));

        assertThat(markdown).contains("| \u2026 and 10 more violations (see the SARIF or JUnit report) |");
        assertThat(markdown).contains("| \u2026 and 50 more changes |");
        assertThat(markdown).contains("The 30 slowest of 40 images.");
        assertThat(markdown).contains("title \"Last 30 runs in seconds\"");
        assertThat(markdown.length()).isLessThan(600_000);
        mermaidBlocks(markdown).forEach(MarkdownReportTest::assertWellFormedXyChart);
    }

    @Test
    void shouldFillAUsersTemplate(@TempDir final Path directory) throws IOException {
        Path template = directory.resolve("mine.md");
        Files.writeString(template, "{{!-- my notes: {{nonsense}} --}}\n# {{ title }}\n\nBraces {{ stay\n"
                + "{{summary}}\n\n{{overview}}\n", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();

        new MarkdownReport(template).write(ReportSamples.hostile("{{summary}}"), out);

        String markdown = out.toString();
        assertThat(markdown).startsWith("# {{summary}}\n\nBraces {{ stay\n**2** images");
        assertThat(markdown).doesNotContain("my notes").contains("| {{summary}} | \u2705 inspected |");
    }

    @Test
    void shouldRefuseAnUnknownPlaceholder(@TempDir final Path directory) throws IOException {
        Path template = directory.resolve("typo.md");
        Files.writeString(template, "# {{title}}\n\n{{sumary}}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new MarkdownReport(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.md: line 3: unknown placeholder {{sumary}}")
                .hasMessageContaining("summary");
    }

    @Test
    void shouldDocumentEveryPlaceholderInTheDefaultTemplate() {
        String template = MarkdownReport.defaultTemplate();
        String page = template.substring(template.indexOf("--}}"));
        for (String placeholder : MarkdownReport.PLACEHOLDERS) {
            assertThat(template).contains("    {{" + placeholder + "}} ");
            assertThat(page).contains("{{" + placeholder + "}}");
        }
    }

    @Test
    void shouldReduceMermaidLabelsToSafeCharacters() {
        assertThat(MermaidText.label("web-01.qcow2")).isEqualTo("web-01.qcow2");
        assertThat(MermaidText.label("a\"b]c[d{e}f<g>h#i;j%k:l`m")).isEqualTo("a_b_c_d_e_f_g_h_i_j_k_l_m");
        assertThat(MermaidText.label("")).isEqualTo("_");
        assertThat(MermaidText.label("x".repeat(100))).hasSize(MermaidText.LABEL_LIMIT).startsWith("...");
        assertThat(MarkdownReport.labels(List.of("a", "a", "a-2"))).isEqualTo("[\"a\", \"a-2\", \"a-2-2\"]");
    }

    // ---- helpers

    static String render(final ReportData data) {
        StringWriter out = new StringWriter();
        try {
            new MarkdownReport().write(data, out);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return out.toString();
    }

    /** The names of the HTML elements a GFM renderer makes of the Markdown (raw HTML passed through). */
    private static Set<String> elements(final String markdown) {
        String html = HTML.render(PARSER.parse(markdown));
        Set<String> names = new TreeSet<>();
        Matcher matcher = ELEMENT.matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase());
        }
        return names;
    }

    record Table(List<String> header, List<List<String>> rows) {
    }

    /** The tables as a GFM parser reads them, cells as plain text. */
    static List<Table> tables(final String markdown) {
        List<Table> tables = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(final CustomBlock block) {
                if (block instanceof TableBlock) {
                    List<List<String>> rows = new ArrayList<>();
                    collectRows(block, rows);
                    tables.add(new Table(rows.get(0), rows.subList(1, rows.size())));
                }
                else {
                    visitChildren(block);
                }
            }
        });
        return tables;
    }

    private static void collectRows(final Node node, final List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(text(cell));
                    }
                }
                rows.add(cells);
            }
            else {
                collectRows(child, rows);
            }
        }
    }

    private static String text(final Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(final Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(final org.commonmark.node.HtmlInline html) {
                text.append(html.getLiteral());
            }
        });
        return text.toString();
    }

    static List<String> mermaidBlocks(final String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?s)```mermaid\n(.*?)```").matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static List<String> lines(final String block, final String keyword) {
        return block.lines().map(String::strip).filter(l -> l.startsWith(keyword + " ")).toList();
    }

    private static final String LABEL = "\"[\\p{L}\\p{N} ._+/-]+\"";
    private static final String NUMBER = "\\d+\\.\\d";

    /** An xychart-beta block as Mermaid's grammar reads it, with only safe labels and one value per category. */
    static void assertWellFormedXyChart(final String block) {
        List<String> lines = block.lines().toList();
        assertThat(lines.get(0)).matches("%%\\{init: \\{\"themeVariables\": \\{\"xyChart\": \\{\"plotColorPalette\":"
                + " \"#[0-9A-F]{6}(, #[0-9A-F]{6})*\"}}}}%%");
        assertThat(lines.get(1)).isEqualTo("xychart-beta");
        assertThat(lines.get(2)).matches("    title " + LABEL);
        assertThat(lines.get(3)).matches("    x-axis \\[" + LABEL + "(, " + LABEL + ")*]");
        assertThat(lines.get(4)).matches("    y-axis \"seconds\" 0 --> " + NUMBER);
        int categories = lines.get(3).split("\", \"").length;
        List<String> series = lines.subList(5, lines.size());
        assertThat(series).isNotEmpty().allSatisfy(line -> {
            assertThat(line).matches("    (bar|line) \\[" + NUMBER + "(, " + NUMBER + ")*]");
            assertThat(line.split(", ")).hasSize(categories);
        });
        assertThat(series.stream().map(l -> l.strip().split(" ")[0]).distinct()).hasSize(1);
        double max = Double.parseDouble(lines.get(4).substring(lines.get(4).lastIndexOf(' ') + 1));
        Matcher values = Pattern.compile(NUMBER).matcher(String.join("\n", series));
        while (values.find()) {
            assertThat(Double.parseDouble(values.group())).isLessThanOrEqualTo(max);
        }
        long colors = lines.get(0).chars().filter(c -> c == '#').count();
        assertThat(colors).isEqualTo(series.size());
    }
}
