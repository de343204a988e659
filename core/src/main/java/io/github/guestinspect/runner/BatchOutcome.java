package io.github.guestinspect.runner;

import java.util.List;

/**
 * What one appliance launch yielded, drive by drive in the order the images were given.
 *
 * @param drives            one outcome per image
 * @param launchMillis      the appliance launch
 * @param libguestfsVersion as the appliance reports it ("1.48.6")
 */
public record BatchOutcome(List<DriveOutcome> drives, long launchMillis, String libguestfsVersion) {
    public BatchOutcome {
        drives = List.copyOf(drives);
    }
}
