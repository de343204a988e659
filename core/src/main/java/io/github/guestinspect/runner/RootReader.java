package io.github.guestinspect.runner;

import io.github.guestinspect.guest.ApkDatabaseParser;
import io.github.guestinspect.guest.DpkgStatusParser;
import io.github.guestinspect.guest.FstabEntry;
import io.github.guestinspect.guest.RpmDatabaseParser;
import io.github.guestinspect.guest.ShadowFile;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.Filesystem;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.Mountpoint;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.runner.FileChecks.Verdict;
import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one candidate filesystem of one drive: decides whether it is a Linux root (as libguestfs does: /etc, /bin
 * and /etc/fstab or /etc/hosts) and, if so, reads its facts and package database. Each step queues a few guestfish
 * calls and syncs once, because every call costs a round trip to the appliance. Mounts are resolved from the
 * guest's fstab against this drive's filesystems only, never through the appliance, which holds other images.
 */
final class RootReader {
    private static final String MAX_ETC_FILE = Integer.toString(1 << 20);
    private static final String USR_OS_RELEASE = "/usr/lib/os-release";
    private static final String SHADOW = "/etc/shadow";
    private static final String WAL = "-wal";
    private static final String MAX_PACKAGE_DB = Long.toString(512L << 20);
    private static final List<String> ARCHITECTURE_PROBES = List.of("/bin/ls", "/bin/sh", "/bin/busybox",
            "/usr/bin/ls", "/bin/bash");

    private final GuestfishSession session;
    private final String driveDevice;
    private final List<FilesystemEntry> driveFilesystems;
    private final Path localDirectory;
    private final List<String> fileQueries;
    private final Map<String, String> uuids = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private long packageMillis;

    RootReader(final GuestfishSession session, final String driveDevice, final List<FilesystemEntry> driveFilesystems,
               final Path localDirectory, final List<String> fileQueries) {
        this.session = session;
        this.fileQueries = List.copyOf(fileQueries);
        this.driveDevice = driveDevice;
        this.driveFilesystems = List.copyOf(driveFilesystems);
        this.localDirectory = localDirectory;
    }

    /** Time spent on package databases so far. */
    long packageMillis() {
        return packageMillis;
    }

    /**
     * Reads the filesystem; empty when it is not an operating system root. Leaves everything unmounted.
     *
     * @throws UnreadableImageException when the root holds something the runner cannot read as it must
     */
    Optional<OperatingSystem> read(final FilesystemEntry candidate, final int number)
            throws GuestfishException, IOException, UnreadableImageException {
        Path local = Files.createDirectories(localDirectory.resolve("fs" + number));
        Optional<OperatingSystem> root;
        try {
            root = readMounted(candidate, local);
        }
        catch (UnreadableImageException exception) {
            session.call("umount-all"); // the next image's filesystems are mounted at / too
            throw exception;
        }
        session.call("umount-all"); // runs with the next sync
        return root;
    }

    private Optional<OperatingSystem> readMounted(final FilesystemEntry candidate, final Path local)
            throws GuestfishException, IOException, UnreadableImageException {
        {
            Pending mount = session.call("mount-ro", candidate.device(), "/");
            session.call("ls0", "/", local.resolve("root.ls").toString());
            session.call("ls0", "/etc", local.resolve("etc.ls").toString());
            Replies replies = session.sync();
            if (replies.failed(mount)) {
                return Optional.empty();
            }
            List<String> top = NulList.read(local.resolve("root.ls"));
            List<String> etc = NulList.read(local.resolve("etc.ls"));
            if (!top.contains("etc") || !top.contains("bin") || !etc.contains("fstab") && !etc.contains("hosts")) {
                return Optional.empty();
            }
            return Optional.of(readRoot(candidate, local, etc));
        }
    }

    private OperatingSystem readRoot(final FilesystemEntry root, final Path local, final List<String> etc)
            throws GuestfishException, IOException, UnreadableImageException {
        Map<String, String> factFiles = new LinkedHashMap<>(); // path in the guest to name in RootFacts
        for (String name : RootFacts.ETC_FILES) {
            if (etc.contains(name)) {
                factFiles.put("/etc/" + name, name);
            }
        }
        if (!etc.contains("os-release")) {
            factFiles.put(USR_OS_RELEASE, "os-release");
        }
        List<String> checked = new ArrayList<>(factFiles.keySet());
        if (etc.contains("shadow")) {
            checked.add(SHADOW);
        }
        FileChecks checks = FileChecks.queue(session, checked, true);
        Replies checkReplies = session.sync();
        List<String> notes = new ArrayList<>();
        Map<String, Path> downloads = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : factFiles.entrySet()) {
            Verdict verdict = checks.fact(checkReplies, file.getKey());
            verdict.note().ifPresent(notes::add);
            if (verdict.isReadable()) {
                downloads.put(file.getValue(), local.resolve("etc-" + downloads.size()));
                session.call("download-offset", file.getKey(), downloads.get(file.getValue()).toString(), "0",
                        MAX_ETC_FILE);
            }
        }
        Verdict shadowVerdict = checks.data(checkReplies, SHADOW);
        shadowVerdict.note().ifPresent(notes::add);
        session.sync();
        Map<String, byte[]> files = new HashMap<>();
        for (Map.Entry<String, Path> download : downloads.entrySet()) {
            if (Files.isRegularFile(download.getValue())) {
                files.put(download.getKey(), Files.readAllBytes(download.getValue()));
            }
        }
        RootFacts facts = new RootFacts(files);

        List<Mountpoint> mountpoints = mountFstab(root, facts.fstab());
        Pending likely = session.call("file-architecture", ARCHITECTURE_PROBES.get(0));
        session.call("ls0", "/lib/modules", local.resolve("modules.ls").toString());
        Replies replies = session.sync();
        String arch = replies.failed(likely) || replies.output(likely).isEmpty()
                ? architectureOfOtherBinaries() : replies.output(likely).get(0).strip();
        List<String> kernels = NulList.read(local.resolve("modules.ls")).stream().sorted().toList();

        long start = System.nanoTime();
        PackageList packages = readPackages(local, facts, notes);
        packageMillis += (System.nanoTime() - start) / 1_000_000;

        List<FileFact> fileFacts = new FileProbe(session, local).probe(fileQueries);
        ShadowFile shadow = shadowVerdict.isReadable() ? readShadow(local) : new ShadowFile(List.of(), List.of());

        List<Filesystem> filesystems = driveFilesystems.stream()
                .map(fs -> new Filesystem(DeviceNames.normalize(fs.device(), driveDevice), fs.type())).toList();
        return new OperatingSystem(DeviceNames.normalize(root.device(), driveDevice), "linux", facts.distro(),
                facts.productName(), facts.version(), facts.majorVersion(), facts.minorVersion(), arch,
                facts.hostname(), packages.format(), packageManager(packages.format(), facts), mountpoints,
                filesystems, kernels, packages.packages(), packages.note(), fileQueries, fileFacts,
                shadow.withPassword(), shadow.withEmptyPassword(), notes);
    }

    private ShadowFile readShadow(final Path local) throws GuestfishException, IOException {
        Path target = local.resolve("etc-shadow");
        session.call("download-offset", SHADOW, target.toString(), "0", MAX_ETC_FILE);
        session.sync();
        if (!Files.isRegularFile(target)) {
            return new ShadowFile(List.of(), List.of());
        }
        ShadowFile shadow = ShadowFile.parse(Files.readAllBytes(target));
        Files.delete(target); // password hashes do not stay on disk longer than the parse
        return shadow;
    }

    /** Only for roots without /bin/ls: each probe is a round trip to the appliance. */
    private String architectureOfOtherBinaries() throws GuestfishException {
        List<Pending> probes = new ArrayList<>();
        for (String probe : ARCHITECTURE_PROBES.subList(1, ARCHITECTURE_PROBES.size())) {
            probes.add(session.call("file-architecture", probe));
        }
        Replies replies = session.sync();
        return probes.stream().filter(call -> !replies.failed(call) && !replies.output(call).isEmpty())
                .map(call -> replies.output(call).get(0).strip()).findFirst().orElse("unknown");
    }

    /** Mounts the fstab entries that name filesystems of this same drive, shallowest first. */
    private List<Mountpoint> mountFstab(final FilesystemEntry root, final List<FstabEntry> fstab)
            throws GuestfishException {
        List<Mountpoint> mountpoints = new ArrayList<>();
        mountpoints.add(new Mountpoint("/", DeviceNames.normalize(root.device(), driveDevice)));
        List<FstabEntry> entries = fstab.stream()
                .filter(entry -> isSafeMountpoint(entry.mountpoint()) && !"/".equals(entry.mountpoint()))
                .filter(entry -> !"swap".equals(entry.type()))
                .sorted(Comparator.comparingInt(entry -> entry.mountpoint().split("/").length))
                .toList();
        if (entries.stream().anyMatch(entry -> entry.spec().startsWith("UUID=") || entry.spec().startsWith("LABEL="))) {
            readIdentities();
        }
        for (FstabEntry entry : entries) {
            Optional<String> device = resolve(entry.spec());
            // a mountpoint too long for a guestfish command is not mounted, as an unsafe one is not
            if (device.isPresent() && !device.get().equals(root.device())
                    && GuestfishSession.fitsText("mount-ro", device.get(), entry.mountpoint())) {
                session.call("mount-ro", device.get(), entry.mountpoint());
                mountpoints.add(new Mountpoint(entry.mountpoint(), DeviceNames.normalize(device.get(), driveDevice)));
            }
        }
        return mountpoints;
    }

    private static boolean isSafeMountpoint(final String path) {
        return path.startsWith("/") && !path.contains("/../") && !path.endsWith("/..")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private void readIdentities() throws GuestfishException {
        if (!uuids.isEmpty() || !labels.isEmpty()) {
            return;
        }
        Map<String, Pending> uuidCalls = new LinkedHashMap<>();
        Map<String, Pending> labelCalls = new LinkedHashMap<>();
        for (FilesystemEntry fs : driveFilesystems) {
            uuidCalls.put(fs.device(), session.call("vfs-uuid", fs.device()));
            labelCalls.put(fs.device(), session.call("vfs-label", fs.device()));
        }
        Replies replies = session.sync();
        collect(uuidCalls, replies, uuids);
        collect(labelCalls, replies, labels);
    }

    private static void collect(final Map<String, Pending> calls, final Replies replies,
                                final Map<String, String> target) {
        calls.forEach((device, call) -> {
            if (!replies.failed(call) && !replies.output(call).isEmpty() && !replies.output(call).get(0).isBlank()) {
                target.put(replies.output(call).get(0).strip(), device);
            }
        });
    }

    /** The appliance device of this drive that an fstab spec names, if it names one. */
    private Optional<String> resolve(final String spec) {
        if (spec.startsWith("UUID=")) {
            return Optional.ofNullable(uuids.get(spec.substring(5)));
        }
        if (spec.startsWith("LABEL=")) {
            return Optional.ofNullable(labels.get(spec.substring(6)));
        }
        String device = DeviceNames.fromMapper(spec);
        Optional<String> disk = DeviceNames.guestDiskToAppliance(device, driveDevice);
        String candidate = disk.orElse(device);
        return driveFilesystems.stream().map(FilesystemEntry::device).filter(candidate::equals).findFirst();
    }

    /** Tries the database the distro suggests first (one round trip), then every other one. */
    private PackageList readPackages(final Path local, final RootFacts facts, final List<String> notes)
            throws GuestfishException, IOException {
        List<PackageDatabase> likely = likelyDatabases(facts);
        Optional<PackageList> found = download(local, facts, likely, notes);
        if (found.isEmpty()) {
            List<PackageDatabase> others = new ArrayList<>(List.of(PackageDatabase.values()));
            others.removeAll(likely);
            found = download(local, facts, others, notes);
        }
        return found.orElse(new PackageList("unknown", List.of(),
                "no package database found (looked for dpkg, apk and rpm)"));
    }

    private static List<PackageDatabase> likelyDatabases(final RootFacts facts) {
        if (facts.isLike("debian", "ubuntu")) {
            return List.of(PackageDatabase.DPKG);
        }
        if (facts.isLike("alpine")) {
            return List.of(PackageDatabase.APK);
        }
        if (facts.isLike("fedora", "rhel", "centos", "suse", "opensuse", "sles", "amzn")) {
            return List.of(PackageDatabase.RPM_SQLITE, PackageDatabase.RPM_BERKELEY_DB);
        }
        return List.of(PackageDatabase.values());
    }

    /** Checks the databases' files, then downloads those that are regular files, in one round trip each. */
    private Optional<PackageList> download(final Path local, final RootFacts facts,
                                           final List<PackageDatabase> databases, final List<String> notes)
            throws GuestfishException, IOException {
        List<String> paths = new ArrayList<>();
        for (PackageDatabase database : databases) {
            for (String path : database.paths()) {
                paths.add(path);
                if (database == PackageDatabase.RPM_SQLITE) { // rpm keeps recent changes in the write-ahead log
                    paths.add(path + WAL);
                }
            }
        }
        FileChecks checks = FileChecks.queue(session, paths, false);
        Replies checkReplies = session.sync();
        Map<PackageDatabase, List<Path>> downloads = new LinkedHashMap<>();
        for (PackageDatabase database : databases) {
            List<Path> targets = new ArrayList<>();
            for (String path : database.paths()) {
                Verdict verdict = checks.data(checkReplies, path);
                verdict.note().ifPresent(notes::add);
                if (!verdict.isReadable()) {
                    continue;
                }
                Path target = Files.createDirectories(local.resolve("pkgdb-" + database.ordinal() + "-"
                        + targets.size())).resolve("database");
                session.call("download-offset", path, target.toString(), "0", MAX_PACKAGE_DB);
                if (database == PackageDatabase.RPM_SQLITE) {
                    Verdict log = checks.data(checkReplies, path + WAL);
                    log.note().ifPresent(notes::add);
                    if (log.isReadable()) {
                        session.call("download-offset", path + WAL, target + WAL, "0", MAX_PACKAGE_DB);
                    }
                }
                targets.add(target);
            }
            downloads.put(database, targets);
        }
        if (downloads.values().stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        session.sync();
        for (Map.Entry<PackageDatabase, List<Path>> entry : downloads.entrySet()) {
            for (Path target : entry.getValue()) {
                if (Files.isRegularFile(target)) {
                    return Optional.of(parse(entry.getKey(), target, facts));
                }
            }
        }
        return Optional.empty();
    }

    private static PackageList parse(final PackageDatabase database, final Path file, final RootFacts facts)
            throws IOException {
        return switch (database) {
            case DPKG -> new PackageList("deb", new DpkgStatusParser().parse(Files.readAllBytes(file)), "");
            case APK -> new PackageList("apk", new ApkDatabaseParser().parse(Files.readAllBytes(file)), "");
            case RPM_SQLITE -> new PackageList("rpm", new RpmDatabaseParser().parse(file), "");
            case RPM_BERKELEY_DB -> new PackageList("rpm", List.of(), "the rpm database of " + facts.productName()
                    + " is in Berkeley DB format, which guest-inspect does not read yet; packages are not listed");
        };
    }

    private static String packageManager(final String format, final RootFacts facts) {
        return switch (format) {
            case "deb" -> "apt";
            case "apk" -> "apk";
            case "rpm" -> {
                if (facts.isLike("suse", "opensuse", "sles")) {
                    yield "zypper";
                }
                yield facts.isLike("fedora") || facts.majorVersion() >= 8 ? "dnf" : "yum";
            }
            default -> "unknown";
        };
    }

    /** A package database's contents. */
    private record PackageList(String format, List<InstalledPackage> packages, String note) {
    }
}
