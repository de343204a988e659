package io.github.guestinspect.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * What the cache holds, and how the last run used it.
 *
 * @param entries     number of entries
 * @param totalBytes  their size on disk
 * @param oldestUse   the least recently used entry's last use
 * @param newestUse   the most recently used entry's last use
 * @param lastRun     hits and misses of the last run that used this cache
 */
public record CacheStatistics(int entries, long totalBytes, Optional<Instant> oldestUse, Optional<Instant> newestUse,
                              Optional<RunCounts> lastRun) {
    /**
     * Hits and misses of one run.
     *
     * @param hits     results served from the cache
     * @param misses   images inspected (their results were stored)
     * @param finished when the run ended
     */
    public record RunCounts(int hits, int misses, Instant finished) {
    }
}
