package io.github.guestinspect.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.cli.ResultSources.SourceException;
import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.diff.PackageChange.Kind;
import io.github.guestinspect.diff.PackageDiff;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;
import io.github.guestinspect.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code guest-inspect diff BEFORE AFTER}: the package changes between two builds, image by image. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the packages added, removed, upgraded and downgraded per image between two results.%n"
                + "BEFORE and AFTER are JSON reports (inspect --format json -o FILE) or run ids (or labels) of the"
                + " history. Versions are ordered by the image's package format (dpkg, rpm, apk).")
final class DiffCommand implements Callable<Integer> {
    /** Bumped when a field of the JSON output is renamed or removed. */
    static final int FORMAT_VERSION = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The older results: a JSON report or a run id.")
    private String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The newer results: a JSON report or a run id.")
    private String after;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE.")
    private Path output;

    @Option(names = "--history-dir", paramLabel = "DIR", description = "History directory for run ids (default: "
            + ".guest-inspect/history).")
    private Path historyDirectory = HistoryStore.DEFAULT_DIRECTORY;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        HistoryStore history = HistoryStore.forReading(historyDirectory,
                warning -> err.println("guest-inspect: warning: " + TerminalText.safe(warning)));
        List<InspectionResult> older;
        List<InspectionResult> newer;
        try {
            older = ResultSources.load(before, history);
            newer = ResultSources.load(after, history);
        }
        catch (SourceException exception) {
            err.println("guest-inspect: " + exception.getMessage());
            return ExitCode.USAGE.code();
        }
        List<ImageChanges> changes = new PackageDiff().between(older, newer);
        List<NotCompared> notCompared = notCompared(older, newer);
        String text = format == Format.JSON ? json(changes, notCompared) : table(changes, notCompared);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        else {
            AtomicFile.write(output, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            err.println("guest-inspect: written " + TerminalText.safe(output.toString()));
        }
        return ExitCode.OK.code();
    }

    /** Images that could not be inspected in one of the results: their packages are unknown, so not compared. */
    private List<NotCompared> notCompared(final List<InspectionResult> older, final List<InspectionResult> newer) {
        List<NotCompared> images = new ArrayList<>();
        newer.stream().filter(InspectionResult::isFailed)
                .forEach(result -> images.add(new NotCompared(result.image().path(), "could not be inspected in "
                        + after)));
        older.stream().filter(InspectionResult::isFailed)
                .forEach(result -> images.add(new NotCompared(result.image().path(), "could not be inspected in "
                        + before)));
        return images;
    }

    private static String table(final List<ImageChanges> changes, final List<NotCompared> notCompared) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        long[] totals = new long[Kind.values().length];
        for (ImageChanges image : changes) {
            for (Kind kind : Kind.values()) {
                totals[kind.ordinal()] += image.count(kind);
            }
            out.println(TerminalText.safe(image.image()) + ": " + (image.changes().isEmpty() ? "no changes"
                    : counts(image.count(Kind.ADDED), image.count(Kind.REMOVED), image.count(Kind.UPGRADED),
                    image.count(Kind.DOWNGRADED))));
            int width = image.changes().stream().mapToInt(change -> TerminalText.safe(change.name()).length())
                    .max().orElse(0);
            for (PackageChange change : image.changes()) {
                String versions = switch (change.kind()) {
                    case ADDED -> TerminalText.safe(change.after());
                    case REMOVED -> TerminalText.safe(change.before());
                    case UPGRADED, DOWNGRADED -> TerminalText.safe(change.before()) + " -> "
                            + TerminalText.safe(change.after());
                };
                out.printf("  %-10s  %-" + Math.max(1, width) + "s  %s%n",
                        change.kind().name().toLowerCase(Locale.ROOT), TerminalText.safe(change.name()), versions);
            }
        }
        for (NotCompared image : notCompared) {
            out.println(TerminalText.safe(image.image()) + ": not compared, " + TerminalText.safe(image.reason()));
        }
        out.println(changes.size() + (changes.size() == 1 ? " image" : " images") + " compared: "
                + counts(totals[Kind.ADDED.ordinal()], totals[Kind.REMOVED.ordinal()],
                totals[Kind.UPGRADED.ordinal()], totals[Kind.DOWNGRADED.ordinal()]));
        out.flush();
        return text.toString();
    }

    private static String counts(final long added, final long removed, final long upgraded, final long downgraded) {
        return added + " added, " + removed + " removed, " + upgraded + " upgraded, " + downgraded + " downgraded";
    }

    private String json(final List<ImageChanges> changes, final List<NotCompared> notCompared) throws IOException {
        // every non-ASCII character escaped: package names come from images, and the output may reach a terminal
        ObjectMapper mapper = ModelMapper.json().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
        List<ImageJson> images = changes.stream().map(image -> new ImageJson(image.image(),
                image.count(Kind.ADDED), image.count(Kind.REMOVED), image.count(Kind.UPGRADED),
                image.count(Kind.DOWNGRADED), image.changes())).toList();
        return mapper.writeValueAsString(new DiffJson(FORMAT_VERSION, before, after, images, notCompared)) + "\n";
    }

    /** The output formats. */
    enum Format {
        TABLE, JSON
    }

    /** The JSON document. */
    record DiffJson(int formatVersion, String before, String after, List<ImageJson> images,
                    List<NotCompared> notCompared) {
    }

    /** One image in the JSON document. */
    record ImageJson(String image, long added, long removed, long upgraded, long downgraded,
                     List<PackageChange> changes) {
    }

    /** An image left out of the comparison, and why. */
    record NotCompared(String image, String reason) {
    }
}
