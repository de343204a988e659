package io.github.guestinspect.report.html;

import io.github.guestinspect.report.ReportData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The report for people: one self-contained HTML file (ECharts, styles and script inline, nothing loaded from
 * anywhere) with a summary, an overview of all images, one section per image with its roots, policy violations, a
 * searchable and sortable package table and the package changes since the previous run, time per phase per image,
 * and trends over earlier runs.
 *
 * <p>The page is rendered through a template with {@code {{name}}} placeholders; the default one is the resource
 * {@code report.html} beside this class, which documents every placeholder. Everything from an image is untrusted:
 * text is escaped, the chart and table data travels as JSON in a {@code <script type="application/json">} element
 * that no string can end, and a Content-Security-Policy with a fresh nonce lets only the file's own scripts and
 * styles run.
 */
public final class HtmlReport {
    /** The placeholders a template may use. */
    static final Set<String> PLACEHOLDERS = Set.of("csp", "nonce", "title", "generated", "toolVersion", "summary",
            "phases", "trends", "overview", "images", "data", "echarts", "script");

    private static final String RESOURCES = "/io/github/guestinspect/report/html/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Template template;

    /** The report with the default template. */
    public HtmlReport() {
        this(new Template(resource("report.html"), "the default HTML template", PLACEHOLDERS));
    }

    /**
     * The report with a user's template (UTF-8). Start from {@link #defaultTemplate()}; its comment lists the
     * placeholders.
     *
     * @throws IOException              when the file cannot be read or is not UTF-8
     * @throws IllegalArgumentException when it names a placeholder that does not exist (with the line)
     */
    public HtmlReport(final Path template) throws IOException {
        this(new Template(readUtf8(template), template.toString(), PLACEHOLDERS));
    }

    private HtmlReport(final Template template) {
        this.template = template;
    }

    /** The default template, for users to copy and change. */
    public static String defaultTemplate() {
        return resource("report.html");
    }

    /**
     * Writes the page to the stream as UTF-8 (and leaves the stream open).
     *
     * @throws IllegalStateException when ECharts is not on the class path but the template embeds it
     */
    public void write(final ReportData data, final OutputStream out) throws IOException {
        ReportPage page = new ReportPage(data);
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String nonce = Base64.getEncoder().encodeToString(random);
        Map<String, Template.Value> values = new LinkedHashMap<>();
        values.put("nonce", Template.Value.of(nonce));
        values.put("csp", Template.Value.of("default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                + nonce + "'; img-src data:; base-uri 'none'; form-action 'none'"));
        values.put("title", Template.Value.of(page.title()));
        values.put("generated", Template.Value.of(page.generated()));
        values.put("toolVersion", Template.Value.of(page.toolVersion()));
        values.put("summary", Template.Value.of(page.summary()));
        values.put("phases", Template.Value.of(page.phases()));
        values.put("trends", Template.Value.of(page.trends()));
        values.put("overview", Template.Value.of(page.overview()));
        values.put("images", Template.Value.of(page.images()));
        values.put("data", writer -> HtmlText.writeJson(page.scriptData(), writer)); // 50,000 packages an image
        values.put("echarts", Template.Value.of(template.uses("echarts") ? Echarts.script() : ""));
        values.put("script", Template.Value.of(scriptSafe(resource("report.js"), "report.js")));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        template.write(values, writer);
        writer.flush();
    }

    /** The text, refused if it could end its script element early or open a comment in it. */
    static String scriptSafe(final String script, final String name) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--") || lower.contains("<script")) {
            throw new IllegalStateException(name + " contains '</script', '<script' or '<!--' and cannot be"
                    + " embedded in a script element");
        }
        return script;
    }

    private static String readUtf8(final Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        }
        catch (CharacterCodingException e) {
            throw new IOException(file + ": the HTML template is not UTF-8", e);
        }
    }

    private static String resource(final String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCES + name + ": " + e.getMessage(), e);
        }
    }

    /** ECharts from its webjar (org.webjars:echarts), read once. */
    static final class Echarts {
        private static volatile String script;

        private Echarts() {
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + "echarts.properties")) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCES + "echarts.properties is missing");
                }
                properties.load(in);
            }
            catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCES + "echarts.properties", e);
            }
            return properties.getProperty("version", "");
        }

        static String path() {
            return "META-INF/resources/webjars/echarts/" + version() + "/echarts.common.min.js";
        }

        static String script() {
            String cached = script;
            if (cached != null) {
                return cached;
            }
            String path = path();
            try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the HTML report embeds ECharts, but " + path + " is not on the"
                            + " class path: the jar org.webjars:echarts:" + version() + " is missing (a build that"
                            + " left out core's dependencies?)");
                }
                cached = scriptSafe(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
            }
            catch (IOException e) {
                throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
            }
            script = cached;
            return cached;
        }
    }
}
