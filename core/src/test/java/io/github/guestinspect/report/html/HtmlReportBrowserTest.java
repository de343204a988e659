package io.github.guestinspect.report.html;

import io.github.guestinspect.model.InstalledPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.guestinspect.report.html.SampleReports.HOSTILE_ATTRIBUTE;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_COMMENT;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_HOSTNAME;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_PATH;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_PLACEHOLDER;
import static io.github.guestinspect.report.html.SampleReports.HOSTILE_SCRIPT_END;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report in a real browser: Debian's chromium, headless, through Debian's chromedriver. Under CI=true a
 * missing chromium fails these tests ({@link Chromium}). Leaves target/html-report/report.html and screenshots of
 * it beside it.
 */
@Tag("browser")
class HtmlReportBrowserTest {
    private static final Path OUTPUT = Path.of("target", "html-report").toAbsolutePath();
    private static final String DEBIAN_TABLE = ".package-list[data-packages=\"p0-0\"]";
    private static final String HOSTILE_TABLE = ".package-list[data-packages=\"p5-0\"]";

    private static Path page;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(OUTPUT);
        page = OUTPUT.resolve("report.html");
        chromium = new HeadlessChromium();
        browser = chromium.driver();
        try (OutputStream out = Files.newOutputStream(page)) {
            new HtmlReport().write(SampleReports.full(), out);
        }
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void load() {
        chromium.load(page);
    }

    private static Object js(final String script, final Object... arguments) {
        return chromium.js(script, arguments);
    }

    private static long visibleRows(final String list) {
        return (Long) js("return Array.from(document.querySelectorAll(arguments[0] + ' tbody tr'))"
                + ".filter(function (row) { return row.getClientRects().length > 0; }).length;", list);
    }

    private static String firstRow(final String list, final int column) {
        return (String) js("var row = document.querySelector(arguments[0] + ' tbody tr:not([hidden])');"
                + " return row.cells[arguments[1]].textContent;", list, column);
    }

    private static String lastRow(final String list, final int column) {
        return (String) js("var rows = document.querySelectorAll(arguments[0] + ' tbody tr');"
                + " return rows[rows.length - 1].cells[arguments[1]].textContent;", list, column);
    }

    private static WebElement header(final String list, final int column) {
        return browser.findElement(By.cssSelector(list + " th button[data-column=\"" + column + "\"]"));
    }

    @Test
    void shouldRunOnlyItsOwnScriptsAndLogNoConsoleError() {
        js("['chart-phases', 'chart-trend-time'].forEach(function (id) {"
                + " echarts.getInstanceByDom(document.getElementById(id))"
                + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 5}); });");
        List<LogEntry> problems = chromium.problems();

        assertThat(problems).as("console errors and warnings").isEmpty();
        assertThat(js("return typeof window.pwned;")).isEqualTo("undefined");
        assertThat(js("return document.scripts.length;")).isEqualTo(3L);
        assertThat(js("return document.querySelectorAll('img, svg:not(.chart svg), iframe, object, embed').length;"))
                .isEqualTo(0L);
        assertThat(js("return typeof echarts === 'object' && echarts.version;")).isEqualTo("5.5.0");
    }

    @Test
    void shouldShowTextFromTheImageLiterally() {
        String text = (String) js("return document.body.textContent;");

        assertThat(text).contains(HOSTILE_HOSTNAME, HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT_END, HOSTILE_PATH,
                HOSTILE_COMMENT, HOSTILE_PLACEHOLDER);
        assertThat(js("return document.querySelector('#image-5 h2').textContent;"))
                .isEqualTo(HOSTILE_PATH + " inspected");
        assertThat(js("return Array.from(document.querySelectorAll(arguments[0] + ' tbody td:first-child'))"
                + ".map(function (cell) { return cell.textContent; });", HOSTILE_TABLE))
                .isEqualTo(List.of(HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT_END, "curl", "zz-separators"));
        assertThat(js("var hostname = arguments[0]; return Array.from(document.querySelectorAll("
                + "'#image-5 .facts-table td')).some(function (cell) { return cell.textContent === hostname; });",
                HOSTILE_HOSTNAME))
                .isEqualTo(Boolean.TRUE);
    }

    @Test
    void shouldDrawEveryChart() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js("return Array.from("
                + "document.querySelectorAll('.chart')).map(function (chart) {"
                + " var canvas = chart.querySelector('canvas, svg');"
                + " var box = canvas ? canvas.getBoundingClientRect() : {width: 0, height: 0};"
                + " return {id: chart.id, width: box.width, height: box.height,"
                + " pixels: canvas && canvas.width ? canvas.width * canvas.height : 0}; });");

        assertThat(charts).extracting(chart -> chart.get("id")).containsExactly("chart-phases", "chart-trend-time",
                "chart-trend-cache", "chart-trend-packages", "chart-trend-violations");
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("width")).doubleValue()).as("width of %s", chart.get("id"))
                    .isGreaterThan(200);
            assertThat(((Number) chart.get("height")).doubleValue()).as("height of %s", chart.get("id"))
                    .isGreaterThan(150);
            assertThat(((Number) chart.get("pixels")).longValue()).as("canvas of %s", chart.get("id")).isPositive();
        }
        assertThat(js("var c = echarts.getInstanceByDom(document.getElementById('chart-phases'));"
                + " return c.getOption().series.map(function (s) { return s.name; });"))
                .isEqualTo(List.of("hash", "cache lookup", "launch share", "OS inspection", "package listing"));
    }

    @Test
    void shouldFilterPackagesAsTheUserTypes() throws IOException {
        List<InstalledPackage> packages = SampleReports.hostPackages();
        String query = packages.get(packages.size() / 2).name().substring(0, 4);
        long expected = packages.stream().filter(p -> (p.name() + "\u0000" + p.fullVersion() + "\u0000"
                + p.architecture()).toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))).count();
        assertThat(visibleRows(DEBIAN_TABLE)).isEqualTo(packages.size()).isGreaterThan(200);

        WebElement search = browser.findElement(By.cssSelector(DEBIAN_TABLE + " input.package-search"));
        search.sendKeys(query);

        assertThat(visibleRows(DEBIAN_TABLE)).isEqualTo(expected).isLessThan(packages.size());
        assertThat(browser.findElement(By.cssSelector(DEBIAN_TABLE + " .package-count")).getText())
                .isEqualTo(expected + " of " + packages.size() + " packages");
        assertThat(visibleRows(".package-list[data-packages=\"p1-0\"]")).as("other tables").isEqualTo(13);

        search.sendKeys("-no-such-package");
        assertThat(visibleRows(DEBIAN_TABLE)).isZero();

        search.clear();
        search.sendKeys(" ");
        assertThat(visibleRows(DEBIAN_TABLE)).isEqualTo(packages.size());
    }

    @Test
    void shouldSortByTheClickedColumn() {
        String first = firstRow(DEBIAN_TABLE, 0);
        String last = lastRow(DEBIAN_TABLE, 0);
        assertThat(first).isNotEqualTo(last);

        header(DEBIAN_TABLE, 0).click();

        assertThat(firstRow(DEBIAN_TABLE, 0)).isEqualTo(last);
        assertThat(lastRow(DEBIAN_TABLE, 0)).isEqualTo(first);
        assertThat(browser.findElement(By.cssSelector(DEBIAN_TABLE + " th:first-child")).getAttribute("aria-sort"))
                .isEqualTo("descending");

        header(DEBIAN_TABLE, 2).click();

        @SuppressWarnings("unchecked")
        List<String> arches = (List<String>) js("return Array.from(document.querySelectorAll(arguments[0] +"
                + " ' tbody td:nth-child(3)')).map(function (cell) { return cell.textContent; });", DEBIAN_TABLE);
        assertThat(arches).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(arches.get(0)).isNotEqualTo(arches.get(arches.size() - 1));

        header(DEBIAN_TABLE, 2).click();

        assertThat(firstRow(DEBIAN_TABLE, 2)).isEqualTo(arches.get(arches.size() - 1));
    }

    /** A PNG of part of the page (or all of it), beyond the window too, at the given scale. */
    private static Path capture(final String name, final Map<String, Object> box, final double scale)
            throws IOException {
        Map<String, Object> clip = Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
                "height", box.get("height"), "scale", scale);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip));
        return Files.write(OUTPUT.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Test
    void shouldLookTidyInAScreenshot() throws IOException {
        Files.write(OUTPUT.resolve("report-top.png"), browser.getScreenshotAs(OutputType.BYTES));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) js("return [document.documentElement]"
                + ".concat(Array.from(document.querySelectorAll('main > section'))).map(function (element) {"
                + " var box = element.getBoundingClientRect();"
                + " return {x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width,"
                + " height: box.height}; });");

        Path full = capture("report-full.png", boxes.get(0), 0.5);
        for (int i = 1; i < boxes.size(); i++) {
            capture("section-" + i + ".png", boxes.get(i), 1);
        }

        assertThat(Files.size(full)).isGreaterThan(10_000);
        assertThat(boxes).as("the page and its sections: time, trends, overview and six images").hasSize(1 + 3 + 6);
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling").isEqualTo(Boolean.TRUE);
    }
}
