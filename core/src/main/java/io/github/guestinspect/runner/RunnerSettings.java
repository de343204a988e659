package io.github.guestinspect.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How appliances are launched.
 *
 * @param batchTimeout  the limit for one appliance (launch plus every image in it); libguestfs itself waits 20 min
 * @param memoryMb      appliance memory (LIBGUESTFS_MEMSIZE), empty for libguestfs' default
 * @param vcpus         appliance vCPUs, empty for libguestfs' default
 * @param environment   extra environment for guestfish (LIBGUESTFS_BACKEND, LIBGUESTFS_BACKEND_SETTINGS, ...);
 *                      the process environment passes through as well
 * @param temporaryRoot where each batch gets its working directory (and libguestfs its temporary files)
 * @param fileQueries   paths and globs to look up in every root besides the standard hygiene set (from a policy)
 */
public record RunnerSettings(Duration batchTimeout, OptionalInt memoryMb, OptionalInt vcpus,
                             Map<String, String> environment, Path temporaryRoot, List<String> fileQueries) {
    public RunnerSettings {
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(memoryMb, "memoryMb");
        Objects.requireNonNull(vcpus, "vcpus");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(temporaryRoot, "temporaryRoot");
        fileQueries = List.copyOf(fileQueries);
        for (String query : fileQueries) {
            if (!query.startsWith("/") || query.contains("/../") || query.endsWith("/..")
                    || query.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("a file query must be an absolute path without '..' or control"
                        + " characters: " + query.replaceAll("\\p{Cntrl}", "?"));
            }
        }
    }

    /** Defaults: 30 minutes per batch, libguestfs' own memory and vCPUs, the system temporary directory. */
    public static RunnerSettings defaults() {
        return new RunnerSettings(Duration.ofMinutes(30), OptionalInt.empty(), OptionalInt.empty(), Map.of(),
                Path.of(System.getProperty("java.io.tmpdir")), List.of());
    }

    public RunnerSettings withBatchTimeout(final Duration timeout) {
        return new RunnerSettings(timeout, memoryMb, vcpus, environment, temporaryRoot, fileQueries);
    }

    public RunnerSettings withFileQueries(final List<String> queries) {
        return new RunnerSettings(batchTimeout, memoryMb, vcpus, environment, temporaryRoot, queries);
    }
}
