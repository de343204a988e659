package io.github.guestinspect.model;

/**
 * Where the time of one image went, in milliseconds.
 *
 * @param hashMillis            hashing the image content (the cache key)
 * @param probeMillis           qemu-img checks before any appliance is launched
 * @param launchMillis          the launch of the appliance this image shared (0 for results that needed none)
 * @param imagesInAppliance     how many images shared that launch
 * @param osInspectionMillis    finding and reading the operating system roots of this image
 * @param packageListingMillis  reading and parsing the package databases of this image
 * @param totalMillis           wall time from the start of its batch (or lookup) until its result was ready
 */
public record Timings(long hashMillis, long probeMillis, long launchMillis, int imagesInAppliance,
                      long osInspectionMillis, long packageListingMillis, long totalMillis) {
    /** No time spent at all. */
    public static Timings none() {
        return new Timings(0, 0, 0, 0, 0, 0, 0);
    }

    /** The launch cost attributed to this image: its share of the appliance launch. */
    public long launchShareMillis() {
        return imagesInAppliance == 0 ? 0 : launchMillis / imagesInAppliance;
    }

    public Timings withHashMillis(final long millis) {
        return new Timings(millis, probeMillis, launchMillis, imagesInAppliance, osInspectionMillis,
                packageListingMillis, totalMillis);
    }

    public Timings withTotalMillis(final long millis) {
        return new Timings(hashMillis, probeMillis, launchMillis, imagesInAppliance, osInspectionMillis,
                packageListingMillis, millis);
    }
}
