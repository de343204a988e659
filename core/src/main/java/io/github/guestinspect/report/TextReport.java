package io.github.guestinspect.report;

import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table for people: one row per operating system root (or per image without one), failures below it. */
public final class TextReport {
    private static final List<String> HEADER = List.of("IMAGE", "STATUS", "OS", "VERSION", "ARCH", "HOSTNAME",
            "PACKAGES", "TIME");

    public void write(final List<InspectionResult> results, final PrintWriter output) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (InspectionResult result : results) {
            String time = seconds(result.timings().totalMillis());
            String status = result.status().name() + (result.cache().hit() ? " (cached)" : "");
            if (result.operatingSystems().isEmpty()) {
                rows.add(List.of(result.image().path(), status, "-", "-", "-", "-", "-", time));
            }
            for (OperatingSystem os : result.operatingSystems()) {
                rows.add(List.of(result.image().path(), status, os.distro(), os.version(), os.architecture(),
                        os.hostname(), Integer.toString(os.packages().size()), time));
            }
        }
        int[] widths = new int[HEADER.size()];
        List<List<String>> safeRows = rows.stream().map(row -> row.stream().map(TerminalText::safe).toList()).toList();
        for (List<String> row : safeRows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : safeRows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            output.println(line.toString().stripTrailing());
        }
        List<InspectionResult> failed = results.stream().filter(InspectionResult::isFailed).toList();
        if (!failed.isEmpty()) {
            output.println();
            output.println("Not inspected:");
            failed.forEach(result -> output.println("  " + TerminalText.safe(result.failure().orElseThrow().kind()
                    + ": " + result.failure().orElseThrow().message())));
        }
        output.flush();
    }

    static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
