package io.github.guestinspect.report.figures;

import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Timings;

import java.util.Arrays;
import java.util.List;

/**
 * The phases an image's time is spent in, in the order they happen, with the colour every chart gives them (and
 * the coloured square emoji that stands for that colour in a Markdown legend).
 */
public enum Phase {
    HASH("hashing", "#4E79A7", "\uD83D\uDFE6"),
    CACHE_LOOKUP("cache lookup", "#B07AA1", "\uD83D\uDFEA"),
    PROBE("qemu-img probe", "#9C755F", "\uD83D\uDFEB"),
    LAUNCH("appliance launch (share)", "#F28E2B", "\uD83D\uDFE7"),
    OS_INSPECTION("OS inspection", "#59A14F", "\uD83D\uDFE9"),
    PACKAGE_LISTING("package listing", "#E15759", "\uD83D\uDFE5");

    /** The colour of a run's wall time in trend charts. */
    public static final String WALL_COLOR = "#333333";
    /** The emoji standing for {@link #WALL_COLOR}. */
    public static final String WALL_EMOJI = "\u2B1B";

    private final String label;
    private final String color;
    private final String emoji;

    Phase(final String label, final String color, final String emoji) {
        this.label = label;
        this.color = color;
        this.emoji = emoji;
    }

    /** What people read: "OS inspection". */
    public String label() {
        return label;
    }

    /** The colour as #RRGGBB. */
    public String color() {
        return color;
    }

    /** A coloured square emoji of about that colour, for legends where no colour can be set. */
    public String emoji() {
        return emoji;
    }

    /** The colour as red, green and blue from 0 to 1. */
    public static float[] rgb(final String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new float[] {(value >> 16 & 0xff) / 255f, (value >> 8 & 0xff) / 255f, (value & 0xff) / 255f};
    }

    /** Milliseconds this image spent in the phase. */
    public long millis(final InspectionResult result) {
        Timings timings = result.timings();
        return switch (this) {
            case HASH -> timings.hashMillis();
            case CACHE_LOOKUP -> result.cache().lookupMillis();
            case PROBE -> timings.probeMillis();
            case LAUNCH -> timings.launchShareMillis();
            case OS_INSPECTION -> timings.osInspectionMillis();
            case PACKAGE_LISTING -> timings.packageListingMillis();
        };
    }

    /** Milliseconds a run spent in the phase over all its images (a trend point records no probe time: 0). */
    public long millis(final TrendPoint point) {
        return switch (this) {
            case HASH -> point.hashMillis();
            case CACHE_LOOKUP -> point.cacheLookupMillis();
            case PROBE -> 0;
            case LAUNCH -> point.launchMillis();
            case OS_INSPECTION -> point.osInspectionMillis();
            case PACKAGE_LISTING -> point.packageListingMillis();
        };
    }

    /** The phases a trend point records. */
    public static List<Phase> trended() {
        return Arrays.stream(values()).filter(phase -> phase != PROBE).toList();
    }

    /** The summed phase time of an image, in milliseconds (never negative, never overflowing). */
    public static long total(final InspectionResult result) {
        long total = 0;
        for (Phase phase : values()) {
            total = saturatedAdd(total, Math.max(0, phase.millis(result)));
        }
        return total;
    }

    static long saturatedAdd(final long a, final long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
