package io.github.guestinspect.benchmarks;

import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.JsonReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The real inspection result the benchmarks work on: the result with the most packages in a JSON report that the
 * CLI wrote ({@code guest-inspect inspect --format json -o REPORT debian12.qcow2}). The report is named by the
 * benchmark parameter {@code report} ({@code -p report=PATH}) or, when that is empty, by the system property
 * {@value #PROPERTY}. A result with fewer than {@value #DEFAULT_MIN_PACKAGES} packages is refused (the point is a
 * realistic size), unless {@code -Dguestinspect.bench.minPackages=N} says otherwise.
 */
final class RealResult {
    static final String PROPERTY = "guestinspect.bench.report";
    static final int DEFAULT_MIN_PACKAGES = 1000;

    private RealResult() {
    }

    static Path reportPath(final String parameter) {
        String path = parameter == null || parameter.isBlank() ? System.getProperty(PROPERTY, "") : parameter;
        if (path.isBlank()) {
            throw new IllegalStateException("no report: pass -p report=PATH or -D" + PROPERTY + "=PATH (a JSON report"
                    + " from 'guest-inspect inspect --format json -o PATH debian12.qcow2')");
        }
        return Path.of(path);
    }

    static InspectionResult load(final String parameter) throws IOException {
        Path path = reportPath(parameter);
        List<InspectionResult> results = new JsonReport().read(Files.readAllBytes(path));
        InspectionResult largest = results.stream().max(Comparator.comparingInt(InspectionResult::packageCount))
                .orElseThrow(() -> new IllegalStateException(path + " holds no results"));
        int minimum = Integer.getInteger("guestinspect.bench.minPackages", DEFAULT_MIN_PACKAGES);
        if (largest.packageCount() < minimum) {
            throw new IllegalStateException(path + ": the largest result has " + largest.packageCount()
                    + " packages, fewer than " + minimum + " (status " + largest.status() + ")");
        }
        return largest;
    }
}
