package io.github.guestinspect.runner;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device names inside a multi-drive appliance, and as the image itself sees them. Results name devices as if the
 * image were the only disk (/dev/sda1, never /dev/sdc1), so a result does not depend on the batch it ran in.
 */
final class DeviceNames {
    /** A guest's own disk names in fstab: sd, vd, hd, xvd with a letter and an optional partition number. */
    private static final Pattern GUEST_DISK = Pattern.compile("^/dev/(?:sd|vd|hd|xvd)([a-z]+)(\\d*)$");
    private static final String FIRST_DISK = "/dev/sda";

    private DeviceNames() {
    }

    /** True when the appliance device is the drive itself or one of its partitions. */
    static boolean belongsTo(final String device, final String driveDevice) {
        return device.equals(driveDevice)
                || device.startsWith(driveDevice) && device.substring(driveDevice.length()).matches("\\d+");
    }

    /** The name the image would give the device if it were the only disk (LVM names are kept). */
    static String normalize(final String device, final String driveDevice) {
        if (belongsTo(device, driveDevice)) {
            return FIRST_DISK + device.substring(driveDevice.length());
        }
        return device;
    }

    /**
     * Maps a device path written in the guest's fstab to this drive's appliance device, when it names the guest's
     * first disk (the image itself). Other disks of the original machine are not part of the image.
     */
    static Optional<String> guestDiskToAppliance(final String fstabDevice, final String driveDevice) {
        Matcher matcher = GUEST_DISK.matcher(fstabDevice);
        if (matcher.matches() && "a".equals(matcher.group(1))) {
            return Optional.of(driveDevice + matcher.group(2));
        }
        return Optional.empty();
    }

    /** /dev/mapper/vg-lv (dashes in names doubled) to /dev/vg/lv; other paths unchanged. */
    static String fromMapper(final String device) {
        String prefix = "/dev/mapper/";
        if (!device.startsWith(prefix)) {
            return device;
        }
        String name = device.substring(prefix.length());
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '-') {
                if (i + 1 < name.length() && name.charAt(i + 1) == '-') {
                    i++;
                    continue;
                }
                return "/dev/" + name.substring(0, i).replace("--", "-") + "/"
                        + name.substring(i + 1).replace("--", "-");
            }
        }
        return device;
    }

    /** A label libguestfs accepts (letters only): a, b, ..., z, ba, bb, ... */
    static String label(final int index) {
        StringBuilder label = new StringBuilder();
        int value = index;
        do {
            label.insert(0, (char) ('a' + value % 26));
            value /= 26;
        } while (value > 0);
        return "gi" + label;
    }
}
