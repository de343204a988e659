package io.github.guestinspect.runner;

import io.github.guestinspect.model.OperatingSystem;

import java.util.List;
import java.util.Optional;

/**
 * What one drive of a batch yielded.
 *
 * @param roots                the operating systems found (empty: no OS)
 * @param error                set when reading this drive failed inside a working appliance
 * @param osInspectionMillis   time spent finding and reading roots
 * @param packageListingMillis time spent on package databases
 */
public record DriveOutcome(List<OperatingSystem> roots, Optional<String> error, long osInspectionMillis,
                           long packageListingMillis) {
    public DriveOutcome {
        roots = List.copyOf(roots);
    }
}
