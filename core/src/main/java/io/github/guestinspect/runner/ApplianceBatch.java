package io.github.guestinspect.runner;

import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inspects several images in one appliance launch, one drive each. Every filesystem is attributed to its drive by
 * device name (from {@code list-disk-labels}), LVM logical volumes by restricting LVM to one drive's physical
 * volumes at a time ({@code lvm-set-filter}), which also keeps two images that share a volume-group name apart.
 * libguestfs' own {@code inspect-os} is not used: it costs about 10 s per image and resolves each guest's fstab
 * through the whole appliance, so clones that share UUIDs, or an fstab naming /dev/sda, read another image's disk.
 */
final class ApplianceBatch {
    private final GuestfishSession session;
    private final List<ProbedImage> images;
    private final Path workDirectory;
    private final List<String> fileQueries;

    ApplianceBatch(final GuestfishSession session, final List<ProbedImage> images, final Path workDirectory,
                   final List<String> fileQueries) {
        this.session = session;
        this.images = List.copyOf(images);
        this.workDirectory = workDirectory;
        this.fileQueries = List.copyOf(fileQueries);
    }

    BatchOutcome run(final RunnerSettings settings) throws GuestfishException, IOException {
        long start = System.nanoTime();
        for (int i = 0; i < images.size(); i++) {
            ProbedImage image = images.get(i);
            session.callRaw("add " + GuestfishSession.quote(image.path().toAbsolutePath().toString())
                    + " readonly:true format:" + image.disk().format().qemuName() + " label:" + DeviceNames.label(i));
        }
        if (settings.memoryMb().isPresent()) {
            session.call("set-memsize", Integer.toString(settings.memoryMb().getAsInt()));
        }
        if (settings.vcpus().isPresent()) {
            session.call("set-smp", Integer.toString(settings.vcpus().getAsInt()));
        }
        Pending launch = session.call("run");
        Pending labels = session.call("list-disk-labels");
        Pending version = session.call("version");
        Pending physicalVolumes = session.call("pvs");
        Replies replies = session.sync();
        long launchMillis = (System.nanoTime() - start) / 1_000_000;
        if (replies.failed(launch)) {
            throw new GuestfishException("the libguestfs appliance could not be launched: " + replies.error(launch)
                    + LaunchHints.hintFor(replies.error(launch), settings.environment()), false);
        }
        List<String> drives = driveDevices(replies.output(labels));
        Map<Integer, List<String>> volumesByDrive = groupByDrive(replies.output(physicalVolumes), drives);

        Map<Integer, DriveOutcome> outcomes = new HashMap<>();
        if (!volumesByDrive.isEmpty()) { // two drives with one volume-group name would make the listing fail
            restrictLvmTo(volumesByDrive.values().iterator().next());
        }
        List<FilesystemEntry> plain = partitionsAndDisks(drives);
        for (Map.Entry<Integer, List<String>> lvm : volumesByDrive.entrySet()) {
            List<FilesystemEntry> own = new ArrayList<>(ownedBy(plain, drives, lvm.getKey()));
            own.addAll(logicalVolumesOf(lvm.getValue()));
            outcomes.put(lvm.getKey(), inspectDrive(lvm.getKey(), drives.get(lvm.getKey()), own));
        }
        for (int drive = 0; drive < images.size(); drive++) {
            if (!outcomes.containsKey(drive)) {
                outcomes.put(drive, inspectDrive(drive, drives.get(drive), ownedBy(plain, drives, drive)));
            }
        }
        List<DriveOutcome> ordered = new ArrayList<>();
        for (int drive = 0; drive < images.size(); drive++) {
            ordered.add(outcomes.get(drive));
        }
        return new BatchOutcome(ordered, launchMillis, GuestfishListings.libraryVersion(replies.output(version)));
    }

    /** Appliance device per drive, in add order, from the labels given at {@code add} time. */
    private List<String> driveDevices(final List<String> labelLines) throws GuestfishException {
        Map<String, String> byLabel = GuestfishListings.diskLabels(labelLines);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String device = byLabel.get(DeviceNames.label(i));
            if (device == null) {
                throw new GuestfishException("libguestfs did not report the drive of " + images.get(i).path(), false);
            }
            devices.add(device);
        }
        return devices;
    }

    private static Map<Integer, List<String>> groupByDrive(final List<String> volumes, final List<String> drives) {
        Map<Integer, List<String>> byDrive = new LinkedHashMap<>();
        for (String volume : GuestfishListings.devices(volumes)) {
            owner(volume, drives).ifPresent(drive ->
                    byDrive.computeIfAbsent(drive, key -> new ArrayList<>()).add(volume));
        }
        return byDrive;
    }

    private static Optional<Integer> owner(final String device, final List<String> drives) {
        for (int i = 0; i < drives.size(); i++) {
            if (DeviceNames.belongsTo(device, drives.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static List<FilesystemEntry> ownedBy(final List<FilesystemEntry> filesystems, final List<String> drives,
                                                 final int drive) {
        return filesystems.stream().filter(fs -> owner(fs.device(), drives).equals(Optional.of(drive))).toList();
    }

    /**
     * The logical volumes on one drive's physical volumes. LVM is restricted to those volumes first; {@code lvs}
     * then lists only their volumes, while {@code list-filesystems} would also show device-mapper nodes that
     * other drives' volume groups left behind.
     */
    private List<FilesystemEntry> logicalVolumesOf(final List<String> physicalVolumes) throws GuestfishException {
        restrictLvmTo(physicalVolumes);
        Pending list = session.call("lvs");
        Replies replies = session.sync();
        List<String> volumes = GuestfishListings.devices(replies.output(list));
        List<Pending> types = new ArrayList<>();
        for (String volume : volumes) {
            types.add(session.call("vfs-type", volume));
        }
        Replies typeReplies = session.sync();
        List<FilesystemEntry> entries = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            Pending type = types.get(i);
            boolean known = !typeReplies.failed(type) && !typeReplies.output(type).isEmpty();
            entries.add(new FilesystemEntry(volumes.get(i), known ? typeReplies.output(type).get(0).strip()
                    : "unknown"));
        }
        return entries;
    }

    private void restrictLvmTo(final List<String> physicalVolumes) throws GuestfishException {
        session.call("lvm-set-filter", String.join(" ", physicalVolumes));
    }

    /** The filesystems directly on a drive or its partitions (logical volumes are listed per drive). */
    private List<FilesystemEntry> partitionsAndDisks(final List<String> drives) throws GuestfishException {
        return listFilesystems().stream().filter(fs -> owner(fs.device(), drives).isPresent()).toList();
    }

    private List<FilesystemEntry> listFilesystems() throws GuestfishException {
        Pending list = session.call("list-filesystems");
        Replies replies = session.sync();
        if (replies.failed(list)) {
            throw new GuestfishException("libguestfs could not list the filesystems: " + replies.error(list), false);
        }
        return GuestfishListings.filesystems(replies.output(list));
    }

    private DriveOutcome inspectDrive(final int drive, final String device, final List<FilesystemEntry> filesystems)
            throws GuestfishException, IOException {
        long start = System.nanoTime();
        Path local = Files.createDirectories(workDirectory.resolve("drive" + drive));
        RootReader reader = new RootReader(session, device, filesystems, local, fileQueries);
        List<OperatingSystem> roots = new ArrayList<>();
        Optional<String> error = Optional.empty();
        int number = 0;
        try {
            for (FilesystemEntry filesystem : filesystems) {
                if (filesystem.mayHoldLinuxRoot()) {
                    reader.read(filesystem, number++).ifPresent(roots::add);
                }
            }
        }
        catch (UnreadableImageException exception) { // this image fails; the appliance goes on with the others
            roots.clear();
            error = Optional.of(exception.getMessage());
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        return new DriveOutcome(roots, error, total - reader.packageMillis(), reader.packageMillis());
    }
}
