package io.github.guestinspect.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.report.ReportData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.guestinspect.report.html.SampleReports.HOSTILE_ATTRIBUTE;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_COMMENT;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_HOSTNAME;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_PATH;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_PLACEHOLDER;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_SCRIPT_END;
import static io.github.guestinspect.report.html.SampleReports.LINE_SEPARATORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {
    private static final List<String> HOSTILE = List.of(HOSTILE_HOSTNAME, HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT_END,
            HOSTILE_PATH, HOSTILE_COMMENT);

    private static String render(final HtmlReport report, final ReportData data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(data, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String render(final ReportData data) throws IOException {
        return render(new HtmlReport(), data);
    }

    private static String dataElement(final String html) {
        Matcher matcher = Pattern.compile("<script type=\"application/json\" id=\"report-data\" nonce=\"[^\"]+\">(.*?)"
                + "</script>", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("the data element").isTrue();
        return matcher.group(1);
    }

    /** The page without the bodies of its script elements (ECharts' source is no markup). */
    private static String markup(final String html) {
        return Pattern.compile("(<script[^>]*>).*?(</script>)", Pattern.DOTALL).matcher(html).replaceAll("$1$2");
    }

    private static int occurrences(final String text, final String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void shouldEscapeMarkupAndQuotesForTextAndAttributes() {
        assertThat(HtmlText.escape(HOSTILE_ATTRIBUTE))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;");
        assertThat(HtmlText.escape("a & b's <c>")).isEqualTo("a &amp; b&#39;s &lt;c&gt;");
        assertThat(HtmlText.escape("&amp;")).as("already escaped text is text too").isEqualTo("&amp;amp;");
        assertThat(HtmlText.escape("plain text 1.2.3-4")).isEqualTo("plain text 1.2.3-4");
    }

    @Test
    void shouldReplaceControlsAndLoneSurrogatesButKeepLineBreaksAndPairs() {
        assertThat(HtmlText.escape("a\u0000b\u001b[31mc\u007f\u0085d")).isEqualTo("a\uFFFDb\uFFFD[31mc\uFFFD\uFFFDd");
        assertThat(HtmlText.escape("x\ty\nz\r")).as("shown, not collapsed into spaces").isEqualTo("x\\x09y\\x0az\\x0d");
        assertThat(HtmlText.escape("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
        assertThat(HtmlText.escape("\uD83D\uDE80 rocket <")).isEqualTo("\uD83D\uDE80 rocket &lt;");
        assertThat(HtmlText.escape("end \uD83D")).isEqualTo("end \uFFFD");
        assertThat(HtmlText.clean("a\u0001\uD83D\uDE80\uDFFF<")).isEqualTo("a\uFFFD\uD83D\uDE80\uFFFD<");
    }

    @Test
    void shouldEmbedJsonThatNoStringCanEndAndThatParsesBackToTheSameText() throws IOException {
        List<String> hostile = List.of(HOSTILE_HOSTNAME, HOSTILE_SCRIPT_END, HOSTILE_COMMENT, "</SCRIPT >",
                "a & b", LINE_SEPARATORS, "quote \" backslash \\ tab \t nul \u0000");

        String json = HtmlText.json(Map.of("values", hostile));

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(json).contains("\\u003c/script\\u003e", "\\u0026", "\\u2028", "\\u2029");
        JsonNode parsed = new ObjectMapper().readTree(json).get("values");
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(parsed.get(i).asText()).isEqualTo(hostile.get(i));
        }
    }

    @Test
    void shouldWriteNoHostileStringFromAnImageAsMarkup() throws IOException {
        String html = render(SampleReports.full());
        String markup = markup(html);

        for (String hostile : HOSTILE) {
            assertThat(html.contains(hostile)).as("raw %s in the page", hostile).isFalse();
        }
        assertThat(markup).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;",
                "&lt;/script&gt;&lt;script&gt;window.pwned=3&lt;/script&gt;",
                "images/&#39;&quot;&gt;&lt;svg onload=&quot;window.pwned=4&quot;&gt;.qcow2");
        assertThat(markup).doesNotContainPattern("<(img|svg|iframe|object|embed|link|base|form)\\b");
        assertThat(occurrences(html.toLowerCase(Locale.ROOT), "<script")).as("script elements").isEqualTo(3);
        assertThat(occurrences(html.toLowerCase(Locale.ROOT), "</script")).as("script ends").isEqualTo(3);
        assertThat(occurrences(html, "<!--")).as("comments").isZero();
    }

    @Test
    void shouldCarryImageTextInTheDataElementOnlyAsEscapedJson() throws IOException {
        String data = dataElement(render(SampleReports.full()));

        assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        JsonNode parsed = new ObjectMapper().readTree(data);
        JsonNode hostileRows = parsed.get("packages").get("p5-0");
        assertThat(hostileRows.get(0).get(0).asText()).isEqualTo(HOSTILE_ATTRIBUTE);
        assertThat(hostileRows.get(1).get(0).asText()).isEqualTo(HOSTILE_SCRIPT_END);
        assertThat(hostileRows.get(2).get(1).asText()).isEqualTo(HOSTILE_COMMENT);
        assertThat(hostileRows.get(3).get(1).asText()).isEqualTo(LINE_SEPARATORS + "-1");
        assertThat(parsed.get("packages").get("p0-0").size()).isEqualTo(SampleReports.hostPackages().size());
        assertThat(parsed.get("phases").get("labels").get(5).asText()).isEqualTo("hostile.qcow2");
        assertThat(parsed.get("trend").get("labels").get(5).asText()).isEqualTo("#42 " + HOSTILE_SCRIPT_END);
    }

    @Test
    void shouldFillPlaceholdersOnceSoThatImageTextNeverBecomesOne() throws IOException {
        String html = render(SampleReports.full());

        assertThat(html).contains(HtmlText.escape(HOSTILE_PLACEHOLDER));
        assertThat(occurrences(html, "Content-Security-Policy")).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyTheFilesOwnScriptsAndStylesRunWithAFreshNonce() throws IOException {
        String first = render(SampleReports.full());
        String second = render(SampleReports.full());

        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " script-src 'nonce-([A-Za-z0-9+/=]{24})'; style-src 'nonce-\\1'; img-src data:; base-uri 'none';"
                + " form-action 'none'\">").matcher(first);
        assertThat(csp.find()).as("the policy").isTrue();
        String nonce = csp.group(1);
        String markup = markup(first);
        assertThat(markup.indexOf("Content-Security-Policy")).isLessThan(markup.indexOf("<style"));
        assertThat(occurrences(markup, "<script ")).isEqualTo(3).isEqualTo(occurrences(markup, "<script type=\""
                + "application/json\" id=\"report-data\" nonce=\"" + nonce + "\">") + occurrences(markup,
                "<script nonce=\"" + nonce + "\">"));
        assertThat(occurrences(markup, "<style nonce=\"" + nonce + "\">")).isEqualTo(occurrences(markup, "<style"))
                .isEqualTo(1);
        assertThat(markup).as("style and event handler attributes in tags")
                .doesNotContainPattern("<[a-zA-Z][^<>]*\\s(style|on[a-z]+)\\s*=");
        assertThat(second.contains(nonce)).as("the nonce again").isFalse();
    }

    @Test
    void shouldEmbedEchartsAndLoadNothingFromAnywhere() throws IOException {
        String html = render(SampleReports.full());

        assertThat(html.contains("Licensed to the Apache Software Foundation")).as("ECharts' licence header").isTrue();
        assertThat(html.contains("t.version=\"5.5.0\"")).as("ECharts 5.5.0").isTrue();
        assertThat(html.length()).isGreaterThan(500_000);
        assertThat(markup(html)).doesNotContainPattern("\\s(src|href)=\"(?!#image-)").doesNotContain("http:", "https:",
                "//cdn");
        assertThat(HtmlReport.Echarts.path())
                .isEqualTo("META-INF/resources/webjars/echarts/5.5.0/echarts.common.min.js");
    }

    @Test
    void shouldCountImagesOutcomesCacheHitsAndViolationsInTheHeader() throws IOException {
        String html = render(SampleReports.full());

        assertThat(html).contains("<span class=\"number\">6</span><span class=\"label\">images</span>",
                "<span class=\"number\">4</span><span class=\"label\">inspected</span>",
                "<span class=\"number\">1</span><span class=\"label\">no OS found</span>",
                "<span class=\"number\">1</span><span class=\"label\">failed</span>",
                "<span class=\"number\">1</span><span class=\"label\">cache hits</span>",
                "<span class=\"number\">1</span><span class=\"label\">error violation</span>",
                "<span class=\"number\">2</span><span class=\"label\">warning violations</span>",
                "<span class=\"number\">1</span><span class=\"label\">info violation</span>",
                "<span class=\"number\">2</span><span class=\"label\">waived</span>",
                "<span class=\"number\">1</span><span class=\"label\">expired waiver</span>");
        assertThat(html).contains("Generated 2026-11-25 17:40:03 UTC",
                "<title>Nightly images \u00b7 build #42</title>");
    }

    @Test
    void shouldShowEachImagesRootsViolationsAndChanges() throws IOException {
        String html = render(SampleReports.full());

        assertThat(html).contains("id=\"image-0\"", "id=\"image-5\"", "href=\"#image-3\"",
                "Debian GNU/Linux 12 (bookworm)", "6.1.0-28-amd64, 6.1.0-27-amd64", "/etc/ssh/ssh_host_rsa_key",
                "root, debian", "telnet-server 1:0.17-85.el9", "waived until 2027-03-31: regenerated on first boot",
                "1 added, 1 removed, 1 upgraded, 1 downgraded", "No package changed.",
                "No earlier result of this image to compare with.", "3 leaked clusters",
                "data-packages=\"p0-0\"", "Accounts with an empty password");
        assertThat(html).as("hygiene facts show only paths that exist").doesNotContain("/root/.bash_history");
        for (String chart : List.of("chart-phases", "chart-trend-time", "chart-trend-cache", "chart-trend-packages",
                "chart-trend-violations")) {
            assertThat(html).contains("id=\"" + chart + "\"");
        }
    }

    @Test
    void shouldListAtMostAThousandViolationsAndChangesPerImage() throws IOException {
        InspectionResult debian = SampleReports.debian();
        String image = debian.image().path();
        List<Violation> violations = new ArrayList<>();
        List<PackageChange> changes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            violations.add(new Violation("no-telnet", Severity.ERROR, image, "/dev/sda1", "forbidden-" + i + " 1.0",
                    "not installed", Optional.empty()));
            changes.add(new PackageChange("added-" + i, PackageChange.Kind.ADDED, "", "1.0"));
        }
        PolicyEvaluation policy = SampleReports.policy();
        ReportData data = new ReportData("Huge", SampleReports.GENERATED, List.of(debian), Optional.of(
                new PolicyEvaluation(policy.rules(), List.of(image), violations, List.of())), List.of(),
                List.of(new ImageChanges(image, changes)));

        String html = render(data);

        assertThat(occurrences(html, "<td>forbidden-")).isEqualTo(ReportPage.MAX_ROWS);
        assertThat(occurrences(html, "<td>added-")).isEqualTo(ReportPage.MAX_ROWS);
        assertThat(html).contains("The first 1000 of 5000 violations; the SARIF and JUnit reports list every one.",
                "5000 added; the first 1000 are listed, guest-inspect diff lists every one");
    }

    @Test
    void shouldSayThereIsNoHistoryYetWithFewerThanTwoRuns() throws IOException {
        for (int runs : new int[] {0, 1}) {
            String html = render(SampleReports.withoutHistory(runs));

            assertThat(html).contains("No history yet").doesNotContain("id=\"chart-trend-");
            assertThat(new ObjectMapper().readTree(dataElement(html)).get("trend").isNull()).isTrue();
            assertThat(html).contains("No policy was evaluated");
        }
    }

    @Test
    void shouldLeaveTheStreamOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new HtmlReport().write(SampleReports.of(SampleReports.alpine()), new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed.set(true);
            }
        });

        assertThat(closed).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void shouldKeepTheTemplateDocumentationOutOfThePage() throws IOException {
        assertThat(HtmlReport.defaultTemplate()).contains("{{title}}", "{{csp}}", "{{nonce}}", "{{data}}");

        String html = render(SampleReports.of(SampleReports.blank()));

        assertThat(html).doesNotContain("{{", "Placeholders are written");
    }

    @Test
    void shouldRenderThroughAUsersTemplate(@TempDir final Path directory) throws IOException {
        Path template = Files.writeString(directory.resolve("mine.html"), "{{!-- mine --}}\n<h1>{{ title }}</h1>\n"
                + "<p>{{generated}}</p>{{overview}}<!-- {{nonce}} -->\n");

        String html = render(new HtmlReport(template), SampleReports.of(SampleReports.hostile()));

        assertThat(html).startsWith("<h1>Report</h1>\n<p>2026-11-25 17:40:03 UTC</p><div class=\"table-wrap\">")
                .contains(HtmlText.escape(HOSTILE_HOSTNAME)).doesNotContain(HOSTILE_HOSTNAME, "mine", "Apache");
    }

    @Test
    void shouldRefuseAnUnknownPlaceholderNamingItsLine(@TempDir final Path directory) throws IOException {
        Path template = Files.writeString(directory.resolve("typo.html"), "<h1>{{title}}</h1>\n\n<p>{{generatd}}</p>");

        assertThatThrownBy(() -> new HtmlReport(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.html: line 3: unknown placeholder {{generatd}}")
                .hasMessageContaining("generated");
    }

    @Test
    void shouldRefuseATemplateThatIsNotUtf8(@TempDir final Path directory) throws IOException {
        Path template = Files.write(directory.resolve("latin1.html"), new byte[] {'<', 'p', '>', (byte) 0xE9});

        assertThatThrownBy(() -> new HtmlReport(template)).isInstanceOf(IOException.class)
                .hasMessageContaining("latin1.html: the HTML template is not UTF-8");
    }

    @Test
    void shouldRefuseScriptsThatWouldEndTheirElement() {
        assertThatThrownBy(() -> HtmlReport.scriptSafe("var a = '</SCRIPT>';", "lib.js"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lib.js");
        assertThat(HtmlReport.scriptSafe("if (a < b) {}", "ok.js")).isEqualTo("if (a < b) {}");
    }

    @Test
    void shouldFormatDurationsAndSizesForPeople() {
        assertThat(ReportPage.duration(850)).isEqualTo("850 ms");
        assertThat(ReportPage.duration(2150)).isEqualTo("2.15 s");
        assertThat(ReportPage.duration(27_100)).isEqualTo("27.1 s");
        assertThat(ReportPage.bytes(512)).isEqualTo("512 B");
        assertThat(ReportPage.bytes(8L << 30)).isEqualTo("8.0 GiB");
    }
}
