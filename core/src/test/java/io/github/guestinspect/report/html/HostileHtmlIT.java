package io.github.guestinspect.report.html;

import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.testing.HostileImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of a real inspection of hostile images ({@link HostileImages}), as text and in Debian's chromium:
 * the page runs only its own three scripts, and shows what the images hold as text, also with 2 x 50,000 packages.
 */
class HostileHtmlIT {
    private static final Pattern SCRIPT = Pattern.compile("<script\\b", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path directory;

    private static HostileImages hostile;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void inspectAndOpenBrowser() throws Exception {
        hostile = HostileImages.get();
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Path write(final String name, final ReportData data) throws IOException {
        Path page = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(page)) {
            new HtmlReport().write(data, out);
        }
        return page;
    }

    private static long scripts(final Path page) throws IOException {
        Matcher matcher = SCRIPT.matcher(Files.readString(page, StandardCharsets.UTF_8));
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void shouldRunOnlyItsOwnScriptsAndShowTheImagesTextLiterally() throws IOException {
        Path page = write("hostile.html", hostile.reportData("hostile-text.qcow2", "hostile-latin1.qcow2",
                "links.qcow2"));
        OperatingSystem text = hostile.result("hostile-text.qcow2").operatingSystems().get(0);

        chromium.load(page);

        assertThat(scripts(page)).isEqualTo(3);
        assertThat(chromium.js("return document.scripts.length;")).isEqualTo(3L);
        assertThat(chromium.js("return typeof window.pwned;")).isEqualTo("undefined");
        assertThat(chromium.js("return document.querySelectorAll('img, iframe, object, embed, svg:not(.chart svg)')"
                + ".length;")).isEqualTo(0L);
        assertThat(chromium.problems()).as("console errors and warnings").isEmpty();
        String shown = (String) chromium.js("return document.body.textContent;");
        assertThat(shown).contains(HtmlText.clean(text.hostname()), HtmlText.clean(text.productName()),
                HtmlText.clean(text.version()));
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) chromium.js("return Array.from(document.querySelectorAll("
                + "'.package-list tbody td:first-child')).map(function (cell) { return cell.textContent; });");
        for (InstalledPackage installed : text.packages()) {
            assertThat(cells).as(installed.name()).contains(HtmlText.clean(installed.name()));
        }
        assertThat(cells).contains("gi-latin1-\u00e9t\u00e9-x");
        assertThat(shown).as("a line break in a file name shown, not collapsed into a space")
                .contains("/home/gi-line\\x0abreak/.bash_history").doesNotContain("/home/gi-line break");
    }

    @Test
    void shouldShowFiftyThousandPackagesPerImage() throws IOException {
        Path page = write("all.html", hostile.reportData());

        chromium.load(page);

        HostileImages.assertHoldsNoSecret("the HTML report", Files.readString(page, StandardCharsets.UTF_8));
        HostileImages.assertHoldsNoSecret("the HTML report as shown",
                (String) chromium.js("return document.body.textContent;"));

        assertThat(scripts(page)).isEqualTo(3);
        assertThat(chromium.js("return typeof window.pwned;")).isEqualTo("undefined");
        @SuppressWarnings("unchecked")
        List<String> counts = (List<String>) chromium.js("return Array.from(document.querySelectorAll("
                + "'.package-list .package-count')).map(function (count) { return count.textContent; });");
        assertThat(counts).filteredOn(count -> count.contains("50000")).hasSize(2);
        assertThat(chromium.js("return document.querySelectorAll('.package-list tbody tr').length;"))
                .isEqualTo((long) hostile.results().stream().flatMap(result -> result.operatingSystems().stream())
                        .mapToInt(os -> os.packages().size()).sum());
    }
}
