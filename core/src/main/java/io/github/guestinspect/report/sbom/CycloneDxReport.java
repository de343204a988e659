package io.github.guestinspect.report.sbom;

import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.LifecycleChoice;
import org.cyclonedx.model.Lifecycles;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The software bill of materials of one image as CycloneDX 1.6 JSON, written by the CycloneDX Java library.
 *
 * <p>Structure:
 * <ul>
 * <li>{@code metadata.component} is the image itself, of type {@code file}: what was inspected is a disk image file
 *     (qcow2, raw, vmdk, ...) identified by its content; {@code device} means hardware in CycloneDX, which an image
 *     is not, and {@code container} means an OCI-style container image. Its path, format, sizes, status and the
 *     content hash are properties; the hash is also a SHA-256 {@code hashes} entry only when it is a plain SHA-256
 *     of the file (guest-inspect's own hash is a tree hash over 64 MiB chunks, {@code sha256-tree64m:...}, which no
 *     consumer could verify as SHA-256, so it stays a property).</li>
 * <li>Each operating system root is a component of type {@code operating-system} (name: the os-release ID, version:
 *     VERSION_ID, description: PRETTY_NAME), and each installed package a {@code library} component with a package
 *     URL. The dependency graph says which packages belong to which root and which roots to the image.</li>
 * <li>{@code metadata.tools} names guest-inspect (and libguestfs) with their versions; timestamp, serial number
 *     ({@code urn:uuid:}) and the lifecycle phase {@code post-build} complete the metadata.</li>
 * </ul>
 *
 * <p>Package URLs: see {@link PackageUrls}. A component's {@code version} is the version as the image's package
 * manager writes it ({@code 1:2.5.1-4}, {@code 1:3.1.1-4.fc39}, {@code 1.2.4_git20230717-r4}).
 *
 * <p>Everything from the image is untrusted and written as JSON data (Jackson escapes it); unpaired surrogates,
 * which UTF-8 cannot carry, become U+FFFD. The CycloneDX library trims every string and turns line breaks and tabs
 * into single spaces. The stream is flushed, not closed.
 */
public final class CycloneDxReport {
    /** The CycloneDX specification version written. */
    public static final Version SPEC_VERSION = Version.VERSION_16;
    /** Prefix of guest-inspect's own property names (CycloneDX property taxonomy style). */
    public static final String PROPERTY_PREFIX = "guest-inspect:";

    private static final Pattern PLAIN_SHA256 = Pattern.compile("(?:sha256:)?([0-9a-fA-F]{64})");
    private static final String UNKNOWN = "unknown";

    private final Clock clock;
    private final Supplier<UUID> serialNumbers;

    /** SBOMs stamped with the current time and a random serial number. */
    public CycloneDxReport() {
        this(Clock.systemUTC(), UUID::randomUUID);
    }

    /** SBOMs stamped with the clock's time and the given serial numbers (for reproducible output). */
    public CycloneDxReport(final Clock clock, final Supplier<UUID> serialNumbers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serialNumbers = Objects.requireNonNull(serialNumbers, "serialNumbers");
    }

    /** Writes the SBOM of one image as CycloneDX JSON (UTF-8). */
    public void write(final InspectionResult result, final OutputStream out) throws IOException {
        String json;
        try {
            json = BomGeneratorFactory.createJson(SPEC_VERSION, bom(result)).toJsonString();
        }
        catch (GeneratorException exception) {
            throw new IOException("cannot write the CycloneDX SBOM of " + clean(result.image().path()), exception);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The bill of materials of one image. */
    Bom bom(final InspectionResult result) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serialNumbers.get());
        bom.setVersion(1);

        Component image = image(result);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(clock.instant()));
        metadata.setComponent(image);
        metadata.setToolChoice(tools(result));
        LifecycleChoice phase = new LifecycleChoice();
        phase.setPhase(LifecycleChoice.Phase.POST_BUILD);
        Lifecycles lifecycles = new Lifecycles();
        lifecycles.setLifecycleChoice(List.of(phase));
        metadata.setLifecycles(lifecycles);
        bom.setMetadata(metadata);

        // Dependency lists are set whole: the library's addDependency scans the list for a duplicate each time,
        // which made an image with 50,000 packages take half a minute. The bom-refs here are unique by construction.
        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Dependency imageDependency = new Dependency(image.getBomRef());
        List<Dependency> systems = new ArrayList<>();
        dependencies.add(imageDependency);
        int rootNumber = 0;
        for (OperatingSystem os : result.operatingSystems()) {
            rootNumber++;
            Component system = operatingSystem(os, "os-" + rootNumber);
            components.add(system);
            systems.add(new Dependency(system.getBomRef()));
            Dependency systemDependency = new Dependency(system.getBomRef());
            List<Dependency> installedPackages = new ArrayList<>(os.packages().size());
            int packageNumber = 0;
            for (InstalledPackage installed : os.packages()) {
                packageNumber++;
                Component component = installedPackage(os, installed, system.getBomRef() + "-pkg-" + packageNumber);
                components.add(component);
                installedPackages.add(new Dependency(component.getBomRef()));
            }
            if (!installedPackages.isEmpty()) {
                systemDependency.setDependencies(installedPackages);
            }
            dependencies.add(systemDependency);
        }
        if (!systems.isEmpty()) {
            imageDependency.setDependencies(systems);
        }
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        return bom;
    }

    private static Component image(final InspectionResult result) {
        Component image = new Component();
        image.setType(Component.Type.FILE);
        image.setBomRef("image");
        image.setName(nonBlank(clean(result.image().fileName()), "image"));
        List<Property> properties = new ArrayList<>();
        property(properties, "image-path", result.image().path());
        if (result.image().fileSize() >= 0) {
            property(properties, "file-size", Long.toString(result.image().fileSize()));
        }
        Optional<DiskInfo> disk = result.disk();
        if (disk.isPresent()) {
            property(properties, "disk-format", disk.get().format().qemuName());
            property(properties, "virtual-size", Long.toString(disk.get().virtualSize()));
        }
        property(properties, "status", result.status().name());
        if (result.failure().isPresent()) {
            Failure failure = result.failure().get();
            property(properties, "failure-kind", failure.kind().name());
            property(properties, "failure-message", failure.message());
        }
        String hash = result.contentHash();
        if (!hash.isEmpty()) {
            property(properties, "content-hash", hash);
            plainSha256(hash).ifPresent(sha -> image.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, sha))));
        }
        property(properties, "cache-hit", Boolean.toString(result.cache().hit()));
        image.setProperties(properties);
        return image;
    }

    /** The lower-case hex digest when the hash is a plain SHA-256 of the content, empty for tree hashes. */
    static Optional<String> plainSha256(final String hash) {
        var matcher = PLAIN_SHA256.matcher(hash);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static ToolInformation tools(final InspectionResult result) {
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setGroup("io.github.guestinspect");
        tool.setName("guest-inspect");
        tool.setVersion(nonBlank(clean(result.toolVersion()), recordedVersion()));
        List<Component> tools = new ArrayList<>(List.of(tool));
        if (!result.libguestfsVersion().isBlank()) {
            Component libguestfs = new Component();
            libguestfs.setType(Component.Type.LIBRARY);
            libguestfs.setName("libguestfs");
            libguestfs.setVersion(clean(result.libguestfsVersion()));
            tools.add(libguestfs);
        }
        ToolInformation information = new ToolInformation();
        information.setComponents(tools);
        return information;
    }

    private static Component operatingSystem(final OperatingSystem os, final String bomRef) {
        Component system = new Component();
        system.setType(Component.Type.OPERATING_SYSTEM);
        system.setBomRef(bomRef);
        system.setName(nonBlank(clean(os.distro()), UNKNOWN));
        if (!os.version().isBlank()) {
            system.setVersion(clean(os.version()));
        }
        if (!os.productName().isBlank()) {
            system.setDescription(clean(os.productName()));
        }
        List<Property> properties = new ArrayList<>();
        property(properties, "root", os.root());
        property(properties, "os-type", os.type());
        property(properties, "architecture", os.architecture());
        if (!os.hostname().isEmpty()) {
            property(properties, "hostname", os.hostname());
        }
        property(properties, "package-format", os.packageFormat());
        property(properties, "package-manager", os.packageManager());
        if (!os.packageNote().isEmpty()) {
            property(properties, "package-note", os.packageNote());
        }
        for (String note : os.factNotes()) {
            property(properties, "fact-note", note);
        }
        for (String kernel : os.kernels()) {
            property(properties, "kernel", kernel);
        }
        system.setProperties(properties);
        return system;
    }

    private static Component installedPackage(final OperatingSystem os, final InstalledPackage installed,
                                              final String bomRef) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(bomRef);
        component.setName(nonBlank(clean(installed.name()), "?"));
        String version = clean(managerVersion(os.packageFormat(), installed));
        if (!version.isBlank()) {
            component.setVersion(version);
        }
        component.setPurl(PackageUrls.of(os, installed));
        return component;
    }

    /** The version as the image's package manager writes it (rpm and dpkg with "epoch:", apk with "-rN"). */
    static String managerVersion(final String packageFormat, final InstalledPackage installed) {
        if ("apk".equals(packageFormat)) {
            return PackageUrls.apkVersion(installed);
        }
        return installed.fullVersion();
    }

    private static void property(final List<Property> properties, final String name, final String value) {
        properties.add(new Property(PROPERTY_PREFIX + name, clean(value)));
    }

    private static String nonBlank(final String text, final String fallback) {
        return text.isBlank() ? fallback : text;
    }

    /** The text with each unpaired surrogate replaced by U+FFFD, so UTF-8 can carry it. */
    static String clean(final String text) {
        StringBuilder safe = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c) && safe == null) {
                safe = new StringBuilder(length).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static String recordedVersion() {
        try (InputStream input = CycloneDxReport.class.getResourceAsStream("/guest-inspect-version.properties")) {
            if (input == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(input);
            return properties.getProperty("version", UNKNOWN);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
