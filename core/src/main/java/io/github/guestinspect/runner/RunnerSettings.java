package io.github.guestinspect.runner;

import java.nio.file.Path;
import java.time.Duration;
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
 */
public record RunnerSettings(Duration batchTimeout, OptionalInt memoryMb, OptionalInt vcpus,
                             Map<String, String> environment, Path temporaryRoot) {
    public RunnerSettings {
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(memoryMb, "memoryMb");
        Objects.requireNonNull(vcpus, "vcpus");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(temporaryRoot, "temporaryRoot");
    }

    /** Defaults: 30 minutes per batch, libguestfs' own memory and vCPUs, the system temporary directory. */
    public static RunnerSettings defaults() {
        return new RunnerSettings(Duration.ofMinutes(30), OptionalInt.empty(), OptionalInt.empty(), Map.of(),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public RunnerSettings withBatchTimeout(final Duration timeout) {
        return new RunnerSettings(timeout, memoryMb, vcpus, environment, temporaryRoot);
    }
}
