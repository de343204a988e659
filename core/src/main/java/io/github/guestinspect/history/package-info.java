/**
 * Performance history: one compact record per run (phase timings, cache hits, package counts, violations), kept in
 * a bounded, append-safe store, and the trend points reports draw from it.
 */
package io.github.guestinspect.history;
