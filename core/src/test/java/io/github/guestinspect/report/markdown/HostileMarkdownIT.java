package io.github.guestinspect.report.markdown;

import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.testing.HostileImages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report of a real inspection of hostile images ({@link HostileImages}): inert, every name shown. */
class HostileMarkdownIT {
    private static List<Violation> concat(final List<Violation> first, final List<Violation> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    @Test
    void shouldShowTheHostileNamesAsTextInATableThatKeepsItsShape() throws Exception {
        HostileImages hostile = HostileImages.get();
        String image = hostile.images().path("hostile-text.qcow2").toString();

        String markdown = MarkdownReportTest.render(hostile.reportData());

        MarkdownReportTest.assertInert(markdown, "the hostile images");
        HostileImages.assertHoldsNoSecret("the Markdown report", markdown);
        List<String> findings = MarkdownReportTest.tables(markdown).stream()
                .filter(table -> table.header().contains("Finding")).flatMap(table -> table.rows().stream()
                        .map(row -> row.get(table.header().indexOf("Finding")))).toList();
        List<Violation> shown = hostile.evaluation().activeOf(image).stream()
                .filter(violation -> violation.ruleId().equals("no-hostile-packages")).toList();
        assertThat(shown).hasSize(10);
        List<Violation> files = hostile.evaluation().activeOf(image).stream()
                .filter(violation -> violation.ruleId().equals("hygiene")).toList();
        assertThat(files).extracting(Violation::subject).contains("/home/gi-line\nbreak/.bash_history");
        assertThat(markdown).contains("/home/gi-line\\\\x0abreak/.bash\\_history"); // the line break shown, not obeyed
        for (Violation violation : concat(shown, files)) {
            assertThat(findings).as(violation.subject()).contains(MarkdownText.visible(MarkdownText.shorten(
                    violation.subject(), MarkdownText.CELL_LIMIT)).replace("@", "@\u200B"));
        }
    }
}
