package io.github.guestinspect.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The performance history: one small JSON file per run, so runs that finish at the same time (two CI jobs sharing a
 * workspace, several threads) append without locks and never lose or tear each other's records.
 *
 * <pre>
 * DIR/runs/20261125T174012.123000000Z_RUNID_3f9a02c1.json      one RunRecord per run
 * DIR/results/20261125T174012.123000000Z_RUNID_3f9a02c1.json.gz the full results of that run (the newest few runs)
 * DIR/last-results.json                                          the full results of the run appended last
 * </pre>
 *
 * Each file is written to a temporary file in its directory and renamed into place atomically, so a reader sees a
 * whole record or none. File names sort by the run's finish time (then run id, then a random part that keeps two
 * runs with the same id and time apart), which is the history's order. After each append the oldest runs beyond the
 * limit are deleted (result snapshots beyond their own, smaller limit), so the history stays bounded. A file that
 * cannot be read or parsed is skipped with a warning (once per store), never failing the run or the report.
 *
 * <p>{@code results/*.json.gz} and {@code last-results.json} hold the same document as the JSON report
 * ({@code {"formatVersion": 1, "results": [...]}}), so {@code guest-inspect diff} and {@code report} read them.
 */
public final class HistoryStore {
    /** The default directory, relative to the current directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".guest-inspect", "history");
    /** Runs kept by default. */
    public static final int DEFAULT_LIMIT = 100;
    /** Runs whose full results are kept by default (they are much larger than run records). */
    public static final int DEFAULT_RESULT_LIMIT = 20;
    /** The name of the newest run's results in the history directory. */
    public static final String LAST_RESULTS = "last-results.json";
    /** Bumped when a field of the run file is renamed or removed. */
    static final int FORMAT_VERSION = 1;
    /** The version of the results document (the JSON report's). */
    static final int RESULTS_FORMAT_VERSION = 1;

    private static final String RUNS = "runs";
    private static final String RESULTS = "results";
    private static final String RUN_SUFFIX = ".json";
    private static final String RESULTS_SUFFIX = ".json.gz";
    private static final Pattern RUN_FILE = Pattern.compile("\\d{8}T\\d{6}\\.\\d{9}Z_[A-Za-z0-9.-]{0,40}_[0-9a-f]{8}"
            + Pattern.quote(RUN_SUFFIX));
    private static final Pattern RESULTS_FILE = Pattern.compile("\\d{8}T\\d{6}\\.\\d{9}Z_[A-Za-z0-9.-]{0,40}_[0-9a-f]{8}"
            + Pattern.quote(RESULTS_SUFFIX));
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant LATEST_NAMEABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Instant EARLIEST_NAMEABLE = Instant.parse("0000-01-01T00:00:00Z");

    private final Path directory;
    private final int limit;
    private final int resultLimit;
    private final Consumer<String> warnings;
    private final Set<Path> reported = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = ModelMapper.json().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param directory   the history directory (created on the first append)
     * @param limit       runs kept (at least 1)
     * @param resultLimit runs whose full results are kept (0 keeps none)
     * @param warnings    where damaged files are reported
     */
    public HistoryStore(final Path directory, final int limit, final int resultLimit,
                        final Consumer<String> warnings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (limit < 1 || resultLimit < 0) {
            throw new IllegalArgumentException("a history keeps at least one run (limit " + limit
                    + ", result limit " + resultLimit + ")");
        }
        this.limit = limit;
        this.resultLimit = resultLimit;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** A store keeping {@code limit} runs and the results of the newest {@value #DEFAULT_RESULT_LIMIT}. */
    public HistoryStore(final Path directory, final int limit, final Consumer<String> warnings) {
        this(directory, limit, Math.min(limit, DEFAULT_RESULT_LIMIT), warnings);
    }

    /** A store with the default limits. */
    public HistoryStore(final Path directory, final Consumer<String> warnings) {
        this(directory, DEFAULT_LIMIT, warnings);
    }

    /**
     * A store for reading whatever a history holds, whatever limit it was written with (appending through it
     * prunes no run).
     */
    public static HistoryStore forReading(final Path directory, final Consumer<String> warnings) {
        return new HistoryStore(directory, Integer.MAX_VALUE, DEFAULT_RESULT_LIMIT, warnings);
    }

    /** The store in {@code .guest-inspect/history} under the current directory, with the default limits. */
    public static HistoryStore inWorkingDirectory(final Consumer<String> warnings) {
        return new HistoryStore(DEFAULT_DIRECTORY, warnings);
    }

    public Path directory() {
        return directory;
    }

    public int limit() {
        return limit;
    }

    /** Appends a run (without its results), then prunes the oldest runs beyond the limit. */
    public void append(final RunRecord run) throws IOException {
        append(run, Optional.empty());
    }

    /**
     * Appends a run with its full results: the results are kept for the newest runs (so {@code diff} can compare
     * runs by id) and as {@link #LAST_RESULTS} (what the next run's changes are computed against).
     */
    public void append(final RunRecord run, final List<InspectionResult> results) throws IOException {
        append(run, Optional.of(resultsDocument(results)));
    }

    /**
     * Appends a run with its full results as their JSON document, the one the JSON report holds ({@code
     * {"formatVersion": 1, "results": [...]}}, as {@code JsonReport} writes it): a run that wrote that report hands
     * its bytes over, and the history keeps them instead of writing the results a second time.
     */
    public void append(final RunRecord run, final byte[] resultsDocument) throws IOException {
        append(run, Optional.of(resultsDocument));
    }

    private void append(final RunRecord run, final Optional<byte[]> results) throws IOException {
        Objects.requireNonNull(run, "run");
        String stem = stem(run);
        Path snapshot = directory.resolve(RESULTS).resolve(stem + RESULTS_SUFFIX);
        try {
            if (results.isPresent()) {
                byte[] document = results.get();
                if (resultLimit > 0) {
                    AtomicFile.write(snapshot, gzip(document));
                }
                AtomicFile.write(directory.resolve(LAST_RESULTS), document);
            }
            AtomicFile.write(directory.resolve(RUNS).resolve(stem + RUN_SUFFIX),
                    mapper.writeValueAsBytes(new RunFile(FORMAT_VERSION, run)));
        }
        catch (IOException exception) {
            deleteAll(List.of(snapshot)); // no results without their run (a full disk)
            throw exception;
        }
        prune();
    }

    /** The kept runs, oldest first (at most the limit); damaged files are skipped with a warning. */
    public List<RunRecord> read() {
        return stored().stream().map(Stored::run).toList();
    }

    /** The kept runs as trend points, oldest first. */
    public List<TrendPoint> trend() {
        return read().stream().map(TrendPoint::of).toList();
    }

    /** The newest run with this run id, or else the newest with this label. */
    public Optional<RunRecord> find(final String idOrLabel) {
        return findStored(idOrLabel).map(Stored::run);
    }

    /**
     * The full results of the newest run with this run id (or else label); empty when there is no such run or its
     * results are no longer kept (or damaged: then with a warning).
     */
    public Optional<List<InspectionResult>> results(final String idOrLabel) {
        Optional<Stored> stored = findStored(idOrLabel);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String name = stored.get().file().getFileName().toString();
        Path file = directory.resolve(RESULTS).resolve(name.substring(0, name.length() - RUN_SUFFIX.length())
                + RESULTS_SUFFIX);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return Optional.of(parseResults(in.readAllBytes()));
        }
        catch (NoSuchFileException exception) {
            return Optional.empty();
        }
        catch (IOException | RuntimeException exception) {
            warnOnce(file, "history results " + file + " cannot be read (" + describe(exception) + "); skipped");
            return Optional.empty();
        }
    }

    /** The results of the run appended last ({@link #LAST_RESULTS}); empty when there are none or they are damaged. */
    public Optional<List<InspectionResult>> lastResults() {
        Path file = directory.resolve(LAST_RESULTS);
        try {
            return Optional.of(parseResults(Files.readAllBytes(file)));
        }
        catch (NoSuchFileException exception) {
            return Optional.empty();
        }
        catch (IOException | RuntimeException exception) {
            warnOnce(file, "history results " + file + " cannot be read (" + describe(exception) + "); skipped");
            return Optional.empty();
        }
    }

    private Optional<Stored> findStored(final String idOrLabel) {
        List<Stored> newestFirst = new ArrayList<>(stored());
        Collections.reverse(newestFirst);
        return newestFirst.stream().filter(stored -> stored.run().runId().equals(idOrLabel)).findFirst()
                .or(() -> newestFirst.stream().filter(stored -> stored.run().label().equals(idOrLabel)).findFirst());
    }

    private List<Stored> stored() {
        List<Path> files = names(directory.resolve(RUNS), RUN_FILE);
        List<Stored> runs = new ArrayList<>();
        for (Path file : files.subList(Math.max(0, files.size() - limit), files.size())) {
            parseRun(file).ifPresent(run -> runs.add(new Stored(file, run)));
        }
        return runs;
    }

    private Optional<RunRecord> parseRun(final Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException exception) {
            return Optional.empty(); // pruned by a concurrent run meanwhile
        }
        catch (IOException exception) {
            warnOnce(file, "history file " + file + " cannot be read (" + describe(exception) + "); skipped");
            return Optional.empty();
        }
        try {
            RunFile parsed = mapper.readValue(bytes, RunFile.class);
            if (parsed.formatVersion() != FORMAT_VERSION) {
                warnOnce(file, "history file " + file + " has format version " + parsed.formatVersion()
                        + ", this guest-inspect reads " + FORMAT_VERSION + "; skipped");
                return Optional.empty();
            }
            if (parsed.run() == null) {
                throw new IOException("no run in it");
            }
            return Optional.of(parsed.run());
        }
        catch (IOException | RuntimeException exception) {
            warnOnce(file, "history file " + file + " is damaged (" + describe(exception) + "); skipped");
            return Optional.empty();
        }
    }

    private List<InspectionResult> parseResults(final byte[] bytes) throws IOException {
        ResultsFile parsed = mapper.readValue(bytes, ResultsFile.class);
        if (parsed.results() == null) {
            throw new IOException("no results in it");
        }
        return parsed.results();
    }

    private byte[] resultsDocument(final List<InspectionResult> results) throws IOException {
        return ModelMapper.json().writeValueAsBytes(new ResultsFile(RESULTS_FORMAT_VERSION, results));
    }

    /** Deletes the oldest runs beyond the limit, result snapshots beyond theirs, and what killed writers left. */
    private void prune() {
        List<Path> runs = names(directory.resolve(RUNS), RUN_FILE);
        deleteAll(runs.subList(0, Math.max(0, runs.size() - limit)));
        List<Path> results = names(directory.resolve(RESULTS), RESULTS_FILE);
        deleteAll(results.subList(0, Math.max(0, results.size() - resultLimit)));
        AtomicFile.deleteAbandoned(directory.resolve(RUNS));
        AtomicFile.deleteAbandoned(directory.resolve(RESULTS));
        AtomicFile.deleteAbandoned(directory);
    }

    private static void deleteAll(final List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException exception) {
                // a concurrent run deletes it, or the next append does
            }
        }
    }

    /** The files of a folder whose names match, sorted by name (= by finish time); empty when there is no folder. */
    private static List<Path> names(final Path folder, final Pattern pattern) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> pattern.matcher(entry.getFileName().toString()).matches())) {
            entries.forEach(files::add);
        }
        catch (IOException exception) {
            return List.of(); // no history yet
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** The sortable, unique file name of a run (without suffix): finish time, run id, random part. */
    static String stem(final RunRecord run) {
        Instant time = run.finished();
        if (time.isAfter(LATEST_NAMEABLE)) {
            time = LATEST_NAMEABLE;
        }
        if (time.isBefore(EARLIEST_NAMEABLE)) {
            time = EARLIEST_NAMEABLE;
        }
        String id = run.runId().replaceAll("[^A-Za-z0-9.-]", "-");
        if (id.length() > 40) {
            id = id.substring(0, 40);
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return FILE_TIME.format(time) + "_" + id + "_" + HexFormat.of().formatHex(random);
    }

    private static byte[] gzip(final byte[] content) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(content.length / 8 + 64);
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        }
        return buffer.toByteArray();
    }

    private void warnOnce(final Path file, final String message) {
        if (reported.add(file)) {
            warnings.accept(message);
        }
    }

    private static String describe(final Exception exception) {
        String message = exception.getMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return exception.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    /** A run file: {@code {"formatVersion": 1, "run": {...}}}. */
    record RunFile(int formatVersion, RunRecord run) {
    }

    /** A results file: the JSON report's document. */
    record ResultsFile(int formatVersion, List<InspectionResult> results) {
    }

    /** A parsed run and its file. */
    private record Stored(Path file, RunRecord run) {
    }
}
