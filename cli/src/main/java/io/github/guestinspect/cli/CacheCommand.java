package io.github.guestinspect.cli;

import io.github.guestinspect.cache.CacheMaintenance;
import io.github.guestinspect.cache.CacheMaintenance.Removed;
import io.github.guestinspect.cache.CacheStatistics;
import io.github.guestinspect.cache.ResultCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code guest-inspect cache stats|prune|clear}. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Shows, prunes or clears the result cache.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Prune.class, CacheCommand.Clear.class})
final class CacheCommand {
    static final String DEFAULT_DIRECTORY = ".guest-inspect/cache";

    /** The option every cache subcommand shares. */
    static class Directory {
        @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = DEFAULT_DIRECTORY,
                description = "Result cache directory (default: ${DEFAULT-VALUE}).")
        Path directory;

        CacheMaintenance maintenance(final PrintWriter err) {
            return new CacheMaintenance(new ResultCache(directory, warning -> err.println("warning: " + warning)));
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Entries, size, last run's hits.")
    static final class Stats implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Directory cache = new Directory();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            CacheStatistics statistics = cache.maintenance(spec.commandLine().getErr()).statistics();
            out.printf("cache:   %s%n", cache.directory.toAbsolutePath());
            out.printf("entries: %d%n", statistics.entries());
            out.printf("size:    %s%n", Sizes.human(statistics.totalBytes()));
            out.printf("oldest:  %s%n", statistics.oldestUse().map(Object::toString).orElse("-"));
            out.printf("newest:  %s%n", statistics.newestUse().map(Object::toString).orElse("-"));
            out.printf("last run: %s%n", statistics.lastRun().map(run -> run.hits() + " hits, " + run.misses()
                    + " misses (" + run.finished() + ")").orElse("-"));
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Deletes entries not used lately, least recently used first.")
    static final class Prune implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Directory cache = new Directory();

        @Option(names = "--older-than", paramLabel = "AGE", description = "Delete entries unused for AGE (7d, 12h).")
        private String olderThan;

        @Option(names = "--max-size", paramLabel = "SIZE",
                description = "Then delete least recently used entries until the cache fits in SIZE (2GiB).")
        private String maxSize;

        @Override
        public Integer call() throws IOException {
            Optional<Duration> age;
            OptionalLong size;
            try {
                age = olderThan == null ? Optional.empty() : Optional.of(Sizes.parseAge(olderThan));
                size = maxSize == null ? OptionalLong.empty() : OptionalLong.of(Sizes.parseBytes(maxSize));
            }
            catch (IllegalArgumentException exception) {
                spec.commandLine().getErr().println("guest-inspect: " + exception.getMessage());
                return ExitCode.USAGE.code();
            }
            if (age.isEmpty() && size.isEmpty()) {
                spec.commandLine().getErr().println("guest-inspect: give --older-than, --max-size or both");
                return ExitCode.USAGE.code();
            }
            Removed removed = cache.maintenance(spec.commandLine().getErr()).prune(age, size);
            spec.commandLine().getOut().printf("pruned %d entries (%s)%n", removed.entries(),
                    Sizes.human(removed.bytes()));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Deletes every entry.")
    static final class Clear implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Directory cache = new Directory();

        @Override
        public Integer call() throws IOException {
            Removed removed = cache.maintenance(spec.commandLine().getErr()).clear();
            spec.commandLine().getOut().printf("cleared %d entries (%s)%n", removed.entries(),
                    Sizes.human(removed.bytes()));
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }
}
