package io.jenkins.plugins.guestinspect.analysis;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CachedInspection;
import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;

/**
 * The work done on the node that holds the workspace: resolves the images below the workspace, runs the engine
 * (through the result cache unless switched off) and packs the results into an {@link AgentReply}. Progress lines
 * go to the build log as they happen.
 */
public final class AgentInspection {
    /** The cache directory on the agent, unless the system property {@value #CACHE_PROPERTY} names another. */
    public static final String CACHE_PROPERTY = "guestinspect.cacheDir";

    private final Inspector inspector;

    public AgentInspection() {
        this(AgentInspection::inspectWithLibguestfs);
    }

    public AgentInspection(final Inspector inspector) {
        this.inspector = inspector;
    }

    /** Runs the engine; a test replaces it. */
    @FunctionalInterface
    public interface Inspector {
        List<InspectionResult> inspect(List<Path> images, InspectionSettings settings, Optional<Path> cache,
                                       List<String> fileQueries, ProgressListener listener,
                                       Consumer<String> warnings) throws InterruptedException;
    }

    public AgentReply run(final Path workspace, final AgentRequest request, final PrintStream log,
                          final String node) throws InterruptedException {
        long start = System.nanoTime();
        List<Path> images = new ArrayList<>();
        for (String image : request.images()) {
            images.add(workspace.resolve(image));
        }
        RunnerSettings defaults = RunnerSettings.defaults();
        RunnerSettings runner = new RunnerSettings(Duration.ofSeconds(request.timeoutSeconds()), OptionalInt.empty(),
                OptionalInt.empty(), defaults.environment(), defaults.temporaryRoot(), request.fileQueries());
        InspectionSettings settings = new InspectionSettings(request.jobs(), OptionalInt.of(request.batchSize()),
                false, runner);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> warn = warning -> {
            warnings.add(warning);
            log.println("[guest-inspect] warning: " + printable(warning));
        };
        Optional<Path> cache = request.cache() ? Optional.of(cacheDirectory()) : Optional.empty();
        List<InspectionResult> results = inspector.inspect(images, settings, cache, request.fileQueries(),
                new LogProgress(log), warn);
        // report paths relative to the workspace, as the user wrote the glob
        List<InspectionResult> relative = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            InspectionResult result = results.get(i);
            String given = i < request.images().size() ? request.images().get(i) : result.image().path();
            relative.add(result.withImage(new io.github.guestinspect.model.ImageFile(given,
                    result.image().fileName(), result.image().fileSize())));
        }
        return new AgentReply(node, relative, warnings, (System.nanoTime() - start) / 1_000_000);
    }

    static Path cacheDirectory() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".guest-inspect", "cache");
    }

    private static List<InspectionResult> inspectWithLibguestfs(final List<Path> images,
                                                                final InspectionSettings settings,
                                                                final Optional<Path> cache,
                                                                final List<String> fileQueries,
                                                                final ProgressListener listener,
                                                                final Consumer<String> warnings)
            throws InterruptedException {
        try (ChildProcesses processes = new ChildProcesses()) {
            InspectionEngine engine = InspectionEngine.local(settings, processes, warnings);
            if (cache.isEmpty()) {
                return engine.inspect(images, listener);
            }
            return new CachedInspection(new ResultCache(cache.get(), warnings),
                    new HashMemo(cache.get().resolve("memo"), ContentHasher.allCores()), engine, warnings,
                    fileQueries).inspect(images, listener);
        }
    }

    /** Control characters from image names must not reach the log as such. */
    static String printable(final String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** One log line per finished image. */
    private static final class LogProgress implements ProgressListener {
        private final PrintStream log;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;

        LogProgress(final PrintStream log) {
            this.log = log;
        }

        @Override
        public void started(final int images) {
            total = images;
            log.println("[guest-inspect] inspecting " + images + " image(s)");
        }

        @Override
        public void finished(final InspectionResult result) {
            String what = switch (result.status()) {
                case INSPECTED -> result.operatingSystems().get(0).productName() + ", " + result.packageCount()
                        + " packages";
                case NO_OS_FOUND -> "no operating system found";
                case FAILED -> "FAILED: " + result.failure().map(f -> f.message()).orElse("");
            };
            log.println("[guest-inspect] [" + done.incrementAndGet() + "/" + total + "] "
                    + printable(result.image().path()) + ": " + printable(what)
                    + (result.cache().hit() ? " (cache hit)" : ""));
        }

        @Override
        public void batchRetried(final int images, final String reason) {
            log.println("[guest-inspect] a batch of " + images + " images failed (" + printable(reason)
                    + "); retrying them one by one");
        }
    }
}
