package io.github.guestinspect.guest;

import io.github.guestinspect.testing.RequiredTools;
import io.github.guestinspect.model.InstalledPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Builds real rpm packages and a real sqlite rpm database with rpm's own tools, and takes rpm's query output as
 * the expected result.
 */
class RpmDatabaseParserTest {
    private static final String SQLITE_BACKEND = "_db_backend sqlite";

    @TempDir
    static Path work;

    private static Path database;
    private static Path lateRpm;

    private final RpmDatabaseParser parser = new RpmDatabaseParser();

    @BeforeAll
    static void buildDatabase() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install rpm", "rpm", "rpmbuild");

        Path topdir = Files.createDirectories(work.resolve("rpmbuild"));
        buildRpm(topdir, "noarch", "alpha", "3", "1.2.3", "4.el9");
        buildRpm(topdir, "noarch", "beta", null, "0.9~rc1", "1.fc39");
        buildRpm(topdir, "noarch", "gamma", "0", "2.0^20240101git1234567", "0.1");
        buildRpm(topdir, "noarch", "libstdc++-devel", "1", "12.3.1", "5.el9_3");
        buildRpm(topdir, "aarch64", "kernel-core", null, "6.1.0", "1");
        buildRpm(topdir, "aarch64", "kernel-core", null, "6.2.0", "3");
        buildRpm(topdir, "x86_64", "zz-epoch-max", "2147483647", "1", "1");
        List<Path> rpms = rpmsBelow(topdir);
        assertThat(rpms).hasSize(7);

        Path lateTopdir = Files.createDirectories(work.resolve("late-rpmbuild"));
        buildRpm(lateTopdir, "noarch", "late", "7", "0.1", "2");
        lateRpm = rpmsBelow(lateTopdir).get(0);

        database = createDatabase(work.resolve("db"), rpms).resolve("rpmdb.sqlite");
    }

    @Test
    void shouldReturnExactlyWhatRpmItselfReports() throws IOException, InterruptedException {
        List<InstalledPackage> packages = parser.parse(database);

        assertThat(packages).hasSize(7);
        assertThat(packages).containsExactlyInAnyOrderElementsOf(queryWithRpm(database.getParent()));
    }

    @Test
    void shouldReadEpochsIncludingTheLargestOne() throws IOException {
        assertThat(parser.parse(database)).filteredOn(installed -> installed.epoch() != 0)
                .extracting(InstalledPackage::name, InstalledPackage::fullVersion)
                .containsExactlyInAnyOrder(
                        tuple("alpha", "3:1.2.3-4.el9"),
                        tuple("libstdc++-devel", "1:12.3.1-5.el9_3"),
                        tuple("zz-epoch-max", "2147483647:1-1"));
    }

    @Test
    void shouldListEveryInstalledVersionOfAPackageSortedByNameAndVersion() throws IOException {
        List<InstalledPackage> packages = parser.parse(database);

        assertThat(packages).extracting(InstalledPackage::name).isSorted();
        assertThat(packages).filteredOn(installed -> installed.name().equals("kernel-core"))
                .extracting(InstalledPackage::fullVersion, InstalledPackage::architecture)
                .containsExactly(
                        tuple("6.1.0-1", "aarch64"),
                        tuple("6.2.0-3", "aarch64"));
    }

    @Test
    void shouldNotModifyTheDatabaseFile() throws IOException {
        byte[] before = Files.readAllBytes(database);

        parser.parse(database);

        assertThat(Files.readAllBytes(database)).isEqualTo(before);
    }

    @Test
    void shouldReadChangesThatAreOnlyInTheWriteAheadLog(@TempDir final Path copy)
            throws IOException, InterruptedException, SQLException {
        Path source = createDatabase(copy.resolve("source"), rpmsBelow(work.resolve("rpmbuild")));
        byte[] lateBlob = firstBlob(createDatabase(copy.resolve("late"), List.of(lateRpm)).resolve("rpmdb.sqlite"));
        Path snapshot = Files.createDirectories(copy.resolve("snapshot"));
        Path downloaded = Files.createDirectories(copy.resolve("downloaded"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source.resolve("rpmdb.sqlite"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint=0");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                insert.setBytes(1, lateBlob);
                insert.executeUpdate();
            }
            // copy while the change is still in the log only, as a snapshot of a running guest would hold it
            Files.copy(source.resolve("rpmdb.sqlite"), snapshot.resolve("rpmdb.sqlite"));
            Files.copy(source.resolve("rpmdb.sqlite-wal"), snapshot.resolve("rpmdb.sqlite-wal"));
            Files.copy(source.resolve("rpmdb.sqlite"), downloaded.resolve("database"));
            Files.copy(source.resolve("rpmdb.sqlite-wal"), downloaded.resolve("database-wal"));
        }
        assertThat(Files.size(snapshot.resolve("rpmdb.sqlite-wal"))).as("the log holds the change").isPositive();

        List<InstalledPackage> expected = queryWithRpm(snapshot);
        assertThat(expected).extracting(InstalledPackage::name).contains("late");
        assertThat(parser.parse(downloaded.resolve("database"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldSkipMalformedRowsButKeepTheOthers(@TempDir final Path copy)
            throws IOException, InterruptedException, SQLException {
        Path directory = createDatabase(copy, rpmsBelow(work.resolve("rpmbuild")));
        Path file = directory.resolve("rpmdb.sqlite");
        byte[] real = firstBlob(file);
        List<byte[]> malformed = List.of(new byte[0], new byte[] {0, 0, 0, 1}, Arrays.copyOf(real, real.length / 2),
                Arrays.copyOf(real, 8), garbage(1000, 1), headerWithoutName());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
            for (byte[] blob : malformed) {
                insert.setBytes(1, blob);
                insert.executeUpdate();
            }
        }

        assertThat(parser.parse(file)).containsExactlyInAnyOrderElementsOf(queryWithRpm(directory));
    }

    @Test
    void shouldReportAFileThatIsNoDatabase(@TempDir final Path directory) throws IOException {
        Path file = directory.resolve("rpmdb.sqlite");
        Files.write(file, garbage(8192, 3));

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("rpm database");
    }

    @Test
    void shouldReportADatabaseWithoutPackagesTable(@TempDir final Path directory) throws SQLException {
        Path file = directory.resolve("other.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Other (x INTEGER)");
        }

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("Packages");
    }

    @Test
    void shouldReportAMissingFile(@TempDir final Path directory) {
        assertThatThrownBy(() -> parser.parse(directory.resolve("missing.sqlite"))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldParseARealHeaderBlob() throws SQLException, IOException, InterruptedException {
        List<InstalledPackage> fromBlobs = new ArrayList<>();
        for (byte[] blob : blobs(database)) {
            fromBlobs.add(RpmDatabaseParser.parseHeader(blob).orElseThrow());
        }

        assertThat(fromBlobs).containsExactlyInAnyOrderElementsOf(queryWithRpm(database.getParent()));
    }

    @Test
    void shouldRejectEveryTruncationOfARealHeader() throws SQLException {
        for (byte[] blob : blobs(database)) {
            for (int length = 0; length < blob.length; length++) {
                byte[] truncated = Arrays.copyOf(blob, length);

                assertThat(RpmDatabaseParser.parseHeader(truncated)).as("header truncated to %d bytes", length)
                        .isEmpty();
            }
        }
    }

    @Test
    void shouldNeverThrowOnCorruptedRealHeaders() throws SQLException {
        Random random = new Random(20240101);
        for (byte[] blob : blobs(database)) {
            for (int round = 0; round < 2000; round++) {
                byte[] corrupted = blob.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
                }

                assertThatCode(() -> RpmDatabaseParser.parseHeader(corrupted)
                        .ifPresent(installed -> assertThat(installed.epoch()).isNotNegative()))
                        .doesNotThrowAnyException();
            }
        }
    }

    private static byte[] headerWithoutName() {
        return RpmHeaderBuilder.header().string(1001, "1.0").string(1002, "1").build();
    }

    private static byte[] garbage(final int length, final long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] firstBlob(final Path file) throws SQLException {
        return blobs(file).get(0);
    }

    private static List<byte[]> blobs(final Path file) throws SQLException {
        List<byte[]> blobs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) {
                blobs.add(rows.getBytes(1));
            }
        }
        assertThat(blobs).isNotEmpty();
        return blobs;
    }

    private static void buildRpm(final Path topdir, final String arch, final String name, final String epoch,
                                 final String version, final String release) throws IOException, InterruptedException {
        String spec = "Name: " + name + "\n"
                + (epoch == null ? "" : "Epoch: " + epoch + "\n")
                + "Version: " + version + "\n"
                + "Release: " + release + "\n"
                + "Summary: test package " + name + "\n"
                + "License: MIT\n"
                + ("noarch".equals(arch) ? "BuildArch: noarch\n" : "")
                + "%description\n"
                + "A package built by a unit test.\n"
                + "%files\n";
        Path specFile = topdir.resolve(name + "-" + version + ".spec");
        Files.writeString(specFile, spec, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + topdir));
        if (!"noarch".equals(arch)) {
            command.addAll(List.of("--target", arch));
        }
        command.add(specFile.toString());
        run(topdir, command);
    }

    private static List<Path> rpmsBelow(final Path topdir) throws IOException {
        try (Stream<Path> files = Files.walk(topdir.resolve("RPMS"))) {
            return files.filter(file -> file.toString().endsWith(".rpm")).sorted().toList();
        }
    }

    private static Path createDatabase(final Path directory, final List<Path> rpms)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        run(directory, List.of("rpm", "--define", SQLITE_BACKEND, "--initdb", "--dbpath", directory.toString()));
        List<String> install = new ArrayList<>(List.of("rpm", "--define", SQLITE_BACKEND, "-i", "--justdb",
                "--nodeps", "--noscripts", "--notriggers", "--ignorearch", "--ignoreos", "--dbpath",
                directory.toString()));
        rpms.forEach(rpm -> install.add(rpm.toString()));
        run(directory, install);
        assertThat(directory.resolve("rpmdb.sqlite")).isRegularFile();
        return directory;
    }

    /** The oracle: what rpm prints for the database in the directory. */
    private static List<InstalledPackage> queryWithRpm(final Path directory) throws IOException, InterruptedException {
        String output = run(directory, List.of("rpm", "-qa", "--dbpath", directory.toString(), "--define",
                SQLITE_BACKEND, "--qf", "%{NAME} %{EPOCHNUM} %{VERSION} %{RELEASE} %{ARCH}\\n"));
        List<InstalledPackage> packages = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split(" ");
            assertThat(fields).as("rpm output line '%s'", line).hasSize(5);
            packages.add(new InstalledPackage(fields[0], Integer.parseInt(fields[1]), fields[2], fields[3],
                    fields[4]));
        }
        packages.sort(Comparator.comparing(InstalledPackage::name));
        return packages;
    }

    private static String run(final Path directory, final List<String> command)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(stderr.toFile());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("HOME", work.toString()); // no ~/.rpmmacros of the user
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; stderr: %s", command, Files.readString(stderr))
                .isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

}
