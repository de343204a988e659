package io.github.guestinspect.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.FailureKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an image with qemu-img (about 0.2 s) before an appliance is launched for it (about 20 s), so broken and
 * hostile files fail fast with a message naming them. The format is always given to qemu-img explicitly.
 */
public final class ImageProbe {
    private static final Duration QEMU_IMG_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VMDK_EXTENT = Pattern.compile(
            "^\\s*(?:RW|RDONLY|NOACCESS)\\s+\\d+\\s+\\S+\\s+\"([^\"]*)\"", Pattern.MULTILINE);
    /** qemu-img check: 2 means corruptions were found, 1 that the check itself failed, 3 only leaked clusters. */
    private static final int CHECK_CORRUPT = 2;
    private static final int CHECK_FAILED = 1;
    private static final int CHECK_UNSUPPORTED = 63;

    private final ChildProcesses processes;
    private final boolean allowBackingFiles;
    private final ObjectMapper json = new ObjectMapper();

    public ImageProbe(final ChildProcesses processes, final boolean allowBackingFiles) {
        this.processes = processes;
        this.allowBackingFiles = allowBackingFiles;
    }

    /**
     * Checks the image and returns its container facts.
     *
     * @throws ImageRejectedException if the image is missing, not a disk image, corrupt or refused
     * @throws ToolMissingException   if qemu-img is not installed
     */
    public DiskInfo probe(final Path image) throws ImageRejectedException, ToolMissingException, InterruptedException {
        checkFile(image);
        try {
            DiskFormat format = decideFormat(image);
            if (format == DiskFormat.VMDK && FormatSniffer.isVmdkDescriptor(image)) {
                checkDescriptorExtents(image);
            }
            JsonNode info = info(image, format);
            DiskInfo disk = new DiskInfo(format, info.path("virtual-size").asLong(-1), backingFile(info));
            checkContainer(image, info, disk);
            check(image, format);
            return disk;
        }
        catch (IOException exception) {
            throw new ImageRejectedException(FailureKind.MISSING,
                    image + ": cannot be read (" + exception.getMessage() + ")");
        }
    }

    private static void checkFile(final Path image) throws ImageRejectedException {
        if (!Files.exists(image)) {
            throw new ImageRejectedException(FailureKind.MISSING, image + ": no such file");
        }
        if (Files.isDirectory(image)) {
            throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE, image + ": is a directory, not a disk image");
        }
        if (!Files.isRegularFile(image) ) {
            throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE,
                    image + ": is not a regular file (devices, pipes and sockets are not inspected)");
        }
        if (!Files.isReadable(image)) {
            throw new ImageRejectedException(FailureKind.MISSING, image + ": is not readable (permission denied)");
        }
        try {
            if (Files.size(image) == 0) {
                throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE, image + ": is empty (0 bytes)");
            }
        }
        catch (IOException exception) {
            throw new ImageRejectedException(FailureKind.MISSING, image + ": cannot be read (" + exception + ")");
        }
    }

    /** The extension says what the user expects; the magic bytes must agree, or the file is not what it claims. */
    private static DiskFormat decideFormat(final Path image) throws IOException, ImageRejectedException {
        Optional<DiskFormat> sniffed = FormatSniffer.sniff(image);
        Optional<DiskFormat> claimed = DiskFormat.fromFileName(String.valueOf(image.getFileName()));
        if (claimed.isEmpty()) {
            return sniffed.orElse(DiskFormat.RAW);
        }
        DiskFormat expected = claimed.get();
        if (expected == DiskFormat.RAW || sniffed.equals(claimed)) {
            return expected; // a file named .raw is raw even if the guest wrote a qcow2 header into its first sector
        }
        throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE, image + ": is named like a "
                + expected.qemuName() + " image but " + sniffed.map(f -> "its header says " + f.qemuName())
                .orElse("has no " + expected.qemuName() + " header"));
    }

    /**
     * The files an image needs beside it: the extents a VMDK descriptor names (checked by {@link #probe} to be plain
     * files next to it), none for any other image. Whoever copies an image elsewhere copies these with it.
     */
    public static List<String> companionFiles(final Path image) throws IOException {
        if (DiskFormat.fromFileName(String.valueOf(image.getFileName())).orElse(null) != DiskFormat.VMDK
                || !FormatSniffer.isVmdkDescriptor(image)) {
            return List.of();
        }
        return extents(image);
    }

    private static List<String> extents(final Path image) throws IOException {
        Matcher matcher = VMDK_EXTENT.matcher(new String(Files.readAllBytes(image), StandardCharsets.UTF_8));
        List<String> extents = new ArrayList<>();
        while (matcher.find()) {
            extents.add(matcher.group(1));
        }
        return extents;
    }

    /** A descriptor may name extent files; only plain files next to it are accepted, never paths leading out. */
    private static void checkDescriptorExtents(final Path image) throws IOException, ImageRejectedException {
        Path directory = image.toAbsolutePath().getParent();
        for (String extent : extents(image)) {
            Path resolved = directory.resolve(extent).normalize();
            if (extent.contains("/") || extent.contains("\\") || !directory.equals(resolved.getParent())
                    || !Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                throw new ImageRejectedException(FailureKind.REFUSED, image + ": refused, its VMDK descriptor names"
                        + " the extent '" + extent + "', which is not a regular file beside the descriptor");
            }
        }
    }

    private JsonNode info(final Path image, final DiskFormat format)
            throws ImageRejectedException, ToolMissingException, InterruptedException, IOException {
        ProcessOutput output = qemuImg(image, List.of("qemu-img", "info", "-U", "-f", format.qemuName(),
                "--output=json", image.toString()));
        if (output.exitCode() != 0) {
            throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE, image + ": is not a valid "
                    + format.qemuName() + " image: " + firstLine(output.stderr()));
        }
        return json.readTree(output.stdout());
    }

    private static Optional<String> backingFile(final JsonNode info) {
        JsonNode backing = info.path("backing-filename");
        return backing.isTextual() ? Optional.of(backing.asText()) : Optional.empty();
    }

    private void checkContainer(final Path image, final JsonNode info, final DiskInfo disk)
            throws ImageRejectedException {
        if (disk.virtualSize() <= 0) {
            throw new ImageRejectedException(FailureKind.NOT_A_DISK_IMAGE, image + ": has no virtual disk size");
        }
        if (disk.backingFile().isPresent()) {
            if (!allowBackingFiles) {
                throw new ImageRejectedException(FailureKind.REFUSED, image + ": refused, it declares the backing file '"
                        + disk.backingFile().get() + "' (allow backing files explicitly to inspect such images)");
            }
            if (!info.path("backing-filename-format").isTextual()) {
                throw new ImageRejectedException(FailureKind.REFUSED, image + ": refused, its backing file '"
                        + disk.backingFile().get() + "' has no declared format, so qemu would have to probe it");
            }
        }
        JsonNode specific = info.path("format-specific").path("data");
        if (specific.path("data-file").isTextual()) {
            throw new ImageRejectedException(FailureKind.REFUSED, image + ": refused, it keeps its data in the"
                    + " external file '" + specific.path("data-file").asText() + "'");
        }
        for (JsonNode extent : specific.path("extents")) {
            String file = extent.path("filename").asText();
            if (!file.isEmpty() && !image.toAbsolutePath().normalize().getParent()
                    .equals(Path.of(file).toAbsolutePath().normalize().getParent())) { // "/" has no parent
                throw new ImageRejectedException(FailureKind.REFUSED,
                        image + ": refused, it reads the extent '" + file + "' from another directory");
            }
        }
    }

    private void check(final Path image, final DiskFormat format)
            throws ImageRejectedException, ToolMissingException, InterruptedException, IOException {
        if (format == DiskFormat.RAW) {
            return;
        }
        ProcessOutput output = qemuImg(image, List.of("qemu-img", "check", "-U", "-f", format.qemuName(),
                image.toString()));
        if (output.exitCode() == CHECK_CORRUPT || output.exitCode() == CHECK_FAILED) {
            String reason = firstLine(output.stderr().isBlank() ? output.stdout() : output.stderr());
            throw new ImageRejectedException(FailureKind.CORRUPT, image + ": is a damaged " + format.qemuName()
                    + " image (qemu-img check: " + reason + ")");
        }
        if (output.exitCode() != 0 && output.exitCode() != 3 && output.exitCode() != CHECK_UNSUPPORTED) {
            throw new ImageRejectedException(FailureKind.CORRUPT, image + ": qemu-img check failed with status "
                    + output.exitCode() + ": " + firstLine(output.stderr()));
        }
    }

    private ProcessOutput qemuImg(final Path image, final List<String> command)
            throws ImageRejectedException, ToolMissingException, InterruptedException, IOException {
        try {
            return processes.run(command, Map.of("LC_ALL", "C"), image.toAbsolutePath().getParent(),
                    QEMU_IMG_TIMEOUT);
        }
        catch (TimeoutException exception) {
            throw new ImageRejectedException(FailureKind.TIMEOUT, image + ": " + exception.getMessage());
        }
        catch (IOException exception) {
            if (Tools.isNotFound(exception)) {
                throw new ToolMissingException("qemu-img");
            }
            throw exception;
        }
    }

    private static String firstLine(final String text) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        return lines.isEmpty() ? "no message" : lines.get(0);
    }
}
