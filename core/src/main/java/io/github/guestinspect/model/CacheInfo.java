package io.github.guestinspect.model;

/**
 * How the result relates to the result cache.
 *
 * @param hit          true when the result was read from the cache instead of inspecting the image
 * @param lookupMillis time spent looking the key up (and decoding on a hit)
 */
public record CacheInfo(boolean hit, long lookupMillis) {
    /** A result that did not consult the cache. */
    public static CacheInfo notUsed() {
        return new CacheInfo(false, 0);
    }
}
