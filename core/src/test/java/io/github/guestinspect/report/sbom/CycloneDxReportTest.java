package io.github.guestinspect.report.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.PackageURL;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CycloneDxReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T17:40:00Z");
    private static final UUID SERIAL = UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79");
    private static final String TREE_HASH = "sha256-tree64m:" + "ab".repeat(32);

    private final CycloneDxReport report = new CycloneDxReport(Clock.fixed(NOW, ZoneOffset.UTC), () -> SERIAL);

    @Test
    void shouldDescribeADebianImageWithPurlsThatKeepTheEpochInTheVersion() throws Exception {
        InspectionResult result = inspected("images/bookworm.qcow2", TREE_HASH, debian12(List.of(
                new InstalledPackage("openssl", 0, "3.0.11", "1~deb12u2", "amd64"),
                new InstalledPackage("libfoo", 1, "2.5.1", "4", "amd64"),
                new InstalledPackage("tzdata", 0, "2024a", "0+deb12u1", "all"))));

        JsonNode sbom = validSbom(result);

        assertThat(purls(sbom)).containsExactly(
                "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libfoo@1:2.5.1-4?arch=amd64&distro=debian-12",
                "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12");
        PackageURL libfoo = new PackageURL(purls(sbom).get(1));
        assertThat(libfoo.getVersion()).isEqualTo("1:2.5.1-4");
        assertThat(libfoo.getQualifiers()).doesNotContainKey("epoch");
        assertThat(component(sbom, "libfoo").path("version").asText()).isEqualTo("1:2.5.1-4");
        assertThat(new PackageURL(purls(sbom).get(0)).getVersion()).isEqualTo("3.0.11-1~deb12u2");
    }

    @Test
    void shouldPutTheRpmEpochIntoAQualifierAndTheReleaseIntoTheVersion() throws Exception {
        OperatingSystem fedora = os("fedora", "Fedora Linux 39 (Container Image)", "39", "rpm", "dnf", List.of(
                new InstalledPackage("openssl", 1, "3.1.1", "4.fc39", "x86_64"),
                new InstalledPackage("bash", 0, "5.2.26", "1.fc39", "x86_64"),
                new InstalledPackage("gpg-pubkey", 0, "18b8e74c", "62f2920f", "")));

        JsonNode sbom = validSbom(inspected("fedora.raw", TREE_HASH, fedora));

        List<String> purls = purls(sbom);
        assertThat(purls).containsExactly(
                "pkg:rpm/fedora/openssl@3.1.1-4.fc39?arch=x86_64&distro=fedora-39&epoch=1",
                "pkg:rpm/fedora/bash@5.2.26-1.fc39?arch=x86_64&distro=fedora-39",
                "pkg:rpm/fedora/gpg-pubkey@18b8e74c-62f2920f?distro=fedora-39");
        PackageURL openssl = new PackageURL(purls.get(0));
        assertThat(openssl.isCanonicalEquals(new PackageURL(
                "pkg:rpm/fedora/openssl@3.1.1-4.fc39?arch=x86_64&epoch=1&distro=fedora-39"))).isTrue();
        assertThat(openssl.getVersion()).isEqualTo("3.1.1-4.fc39");
        assertThat(openssl.getQualifiers()).containsEntry("epoch", "1");
        assertThat(component(sbom, "openssl").path("version").asText()).isEqualTo("1:3.1.1-4.fc39");
    }

    @Test
    void shouldWriteTheApkReleaseAsApkDoes() throws Exception {
        OperatingSystem alpine = os("alpine", "Alpine Linux v3.19", "3.19.1", "apk", "apk", List.of(
                new InstalledPackage("musl", 0, "1.2.4_git20230717", "4", "x86_64"),
                new InstalledPackage("alpine-baselayout-data", 0, "3.4.3", "", "x86_64")));

        JsonNode sbom = validSbom(inspected("alpine.qcow2", TREE_HASH, alpine));

        assertThat(purls(sbom)).containsExactly(
                "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1",
                "pkg:apk/alpine/alpine-baselayout-data@3.4.3?arch=x86_64&distro=alpine-3.19.1");
        assertThat(component(sbom, "musl").path("version").asText()).isEqualTo("1.2.4_git20230717-r4");
    }

    @Test
    void shouldMakeTheImageAFileAndEachRootAnOperatingSystem() throws Exception {
        OperatingSystem first = debian12(List.of(new InstalledPackage("bash", 0, "5.2.15", "2+b2", "amd64")));
        OperatingSystem second = os("alpine", "Alpine Linux v3.19", "3.19.1", "apk", "apk",
                List.of(new InstalledPackage("bash", 0, "5.2.21", "2", "x86_64")));
        InspectionResult result = inspected("images/dual.qcow2", TREE_HASH, first, second);

        JsonNode sbom = validSbom(result);

        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(sbom.path("serialNumber").asText()).isEqualTo("urn:uuid:" + SERIAL);
        assertThat(sbom.path("version").asInt()).isEqualTo(1);
        JsonNode metadata = sbom.path("metadata");
        assertThat(Instant.parse(metadata.path("timestamp").asText())).isEqualTo(NOW);
        JsonNode tool = metadata.path("tools").path("components").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("guest-inspect");
        assertThat(tool.path("version").asText()).isEqualTo("0.1.0-test");
        assertThat(metadata.path("tools").path("components").get(1).path("name").asText()).isEqualTo("libguestfs");
        assertThat(metadata.path("lifecycles").get(0).path("phase").asText()).isEqualTo("post-build");

        JsonNode image = metadata.path("component");
        assertThat(image.path("type").asText()).isEqualTo("file");
        assertThat(image.path("name").asText()).isEqualTo("dual.qcow2");
        assertThat(property(image, "image-path")).contains("images/dual.qcow2");
        assertThat(property(image, "disk-format")).contains("qcow2");
        assertThat(property(image, "status")).contains("INSPECTED");

        List<JsonNode> systems = components(sbom).stream()
                .filter(c -> "operating-system".equals(c.path("type").asText())).toList();
        assertThat(systems).extracting(c -> c.path("name").asText()).containsExactly("debian", "alpine");
        assertThat(systems).extracting(c -> c.path("version").asText()).containsExactly("12", "3.19.1");
        assertThat(systems.get(0).path("description").asText()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(property(systems.get(0), "hostname")).contains("golden");
        assertThat(property(systems.get(0), "root")).contains("/dev/sda1");

        JsonNode dependencies = sbom.path("dependencies");
        assertThat(dependencies.get(0).path("ref").asText()).isEqualTo("image");
        assertThat(dependencies.get(0).path("dependsOn")).extracting(JsonNode::asText).containsExactly("os-1", "os-2");
        assertThat(dependencies.get(1).path("dependsOn")).hasSize(1);
        assertThat(dependencies.get(2).path("dependsOn")).hasSize(1);
        assertThat(purls(sbom)).containsExactly(
                "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12",
                "pkg:apk/alpine/bash@5.2.21-r2?arch=x86_64&distro=alpine-3.19.1");
    }

    @Test
    void shouldListAHundredThousandPackagesInBoundedTime() {
        List<InstalledPackage> packages = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            packages.add(new InstalledPackage(String.format(Locale.ROOT, "pkg-%06d", i), 0, "1." + i, "1", "amd64"));
        }
        InspectionResult result = inspected("huge.qcow2", TREE_HASH, debian12(packages));

        // the library's addDependency checks each new entry against all earlier ones: minutes for this list
        JsonNode sbom = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MAPPER.readTree(write(result)));

        assertThat(components(sbom)).hasSize(100_001);
        JsonNode system = sbom.path("dependencies").get(1);
        assertThat(system.path("ref").asText()).isEqualTo("os-1");
        assertThat(system.path("dependsOn")).hasSize(100_000);
        assertThat(system.path("dependsOn").get(99_999).asText()).isEqualTo("os-1-pkg-100000");
        assertThat(sbom.path("dependencies").get(0).path("dependsOn")).extracting(JsonNode::asText)
                .containsExactly("os-1");
    }

    @Test
    void shouldKeepTheTreeHashAPropertyAndGiveOnlyAPlainSha256AsAHash() throws Exception {
        JsonNode tree = validSbom(inspected("a.qcow2", TREE_HASH, debian12(List.of())));
        JsonNode image = tree.path("metadata").path("component");
        assertThat(image.has("hashes")).isFalse();
        assertThat(property(image, "content-hash")).contains(TREE_HASH);

        String digest = "0123456789ABCDEF".repeat(4);
        JsonNode plain = validSbom(inspected("b.qcow2", "sha256:" + digest, debian12(List.of())));
        JsonNode hash = plain.path("metadata").path("component").path("hashes").get(0);
        assertThat(hash.path("alg").asText()).isEqualTo("SHA-256");
        assertThat(hash.path("content").asText()).isEqualTo(digest.toLowerCase());

        JsonNode none = validSbom(inspected("c.qcow2", "", debian12(List.of())));
        assertThat(property(none.path("metadata").path("component"), "content-hash")).isEmpty();
    }

    @Test
    void shouldValidateWithAValidatorThatRejectsBrokenSboms() throws Exception {
        byte[] good = write(inspected("a.qcow2", TREE_HASH, debian12(List.of(
                new InstalledPackage("bash", 0, "5.2.15", "2+b2", "amd64")))));
        String json = new String(good, StandardCharsets.UTF_8);
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(json, Version.VERSION_16)).isEmpty();

        String wrongType = json.replace("\"type\" : \"library\"", "\"type\" : \"package\"");
        String wrongSerial = json.replace("urn:uuid:" + SERIAL, "uuid-" + SERIAL);
        String wrongHash = json.replace("\"properties\" : [", "\"hashes\" : [ { \"alg\" : \"SHA-256\", \"content\" : \"x\" } ],"
                + " \"properties\" : [");
        for (String broken : List.of(wrongType, wrongSerial, wrongHash)) {
            assertThat(broken).isNotEqualTo(json);
            assertThat(parser.validate(broken, Version.VERSION_16)).isNotEmpty();
        }
    }

    @Test
    void shouldDescribeAnImageThatCouldNotBeInspected() throws Exception {
        InspectionResult failed = InspectionResult.failed(new ImageFile("broken.qcow2", "broken.qcow2", 10),
                Optional.empty(), new Failure(FailureKind.CORRUPT, "qemu-img check found 3 errors"), Timings.none(),
                "0.1.0-test");

        JsonNode sbom = validSbom(failed);

        assertThat(components(sbom)).isEmpty();
        JsonNode image = sbom.path("metadata").path("component");
        assertThat(property(image, "status")).contains("FAILED");
        assertThat(property(image, "failure-kind")).contains("CORRUPT");
        assertThat(property(image, "failure-message")).contains("qemu-img check found 3 errors");
    }

    @Test
    void shouldCarryHostileNamesAsData() throws Exception {
        List<String> names = List.of("<script>alert(1)</script>", "\"quoted\" 'name'", "пакет-ü-😀", "a/b@c?d#e f",
                "x\u0001y\u001b[31mz\nw", "lone\uD800surrogate", "%2F%00", "../../etc/passwd");
        List<InstalledPackage> packages = new ArrayList<>();
        for (String name : names) {
            packages.add(new InstalledPackage(name, 0, "1.0<b>", "1~\"x\"", "amd<64>"));
        }
        OperatingSystem hostile = os("de<b>ian\"", "<img src=x onerror=alert(1)>", "12\"}", "deb", "apt", packages);

        byte[] bytes = write(inspected("images/\"><script>.qcow2", TREE_HASH, hostile));
        JsonNode sbom = validSbom(bytes);
        Bom parsed = new JsonParser().parse(bytes);

        List<String> expected = names.stream().map(CycloneDxReportTest::asTheLibraryWritesIt).toList();
        List<Component> libraries = parsed.getComponents().stream()
                .filter(c -> c.getType() == Component.Type.LIBRARY).toList();
        assertThat(libraries).extracting(Component::getName).containsExactlyElementsOf(expected);
        for (int i = 0; i < names.size(); i++) {
            Purl purl = Purl.parse(libraries.get(i).getPurl());
            assertThat(purl.type()).isEqualTo("deb");
            assertThat(purl.namespace()).isEqualTo("de<b>ian\"");
            assertThat(purl.name()).isEqualTo(names.get(i).replace('\uD800', '\uFFFD').toLowerCase(Locale.ROOT));
            assertThat(purl.version()).isEqualTo("1.0<b>-1~\"x\"");
            assertThat(purl.qualifiers()).containsEntry("arch", "amd<64>").containsEntry("distro", "de<b>ian\"-12\"}");
        }
        assertThat(parsed.getMetadata().getComponent().getName()).isEqualTo("\"><script>.qcow2");
        assertThat(sbom.path("components").get(0).path("description").asText())
                .isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void shouldWritePurlsThatPackageurlJavaReadsBackForAsciiNames() throws Exception {
        OperatingSystem debian = debian12(List.of(new InstalledPackage("libstdc++6", 0, "12.2.0", "14", "amd64"),
                new InstalledPackage("a b/c@d?e#f", 2, "1:x", "y", "amd64")));
        for (InstalledPackage installed : debian.packages()) {
            String text = PackageUrls.of(debian, installed);
            PackageURL read = new PackageURL(text);
            assertThat(read.getName()).isEqualTo(installed.name());
            assertThat(read.getVersion()).isEqualTo(installed.fullVersion());
            assertThat(read.getNamespace()).isEqualTo("debian");
            assertThat(read.getQualifiers()).containsEntry("distro", "debian-12");
        }
    }

    @Property(tries = 40)
    void shouldWriteASchemaValidSbomForAnyText(@ForAll("texts") final String text,
                                               @ForAll("formats") final String format) throws Exception {
        InstalledPackage installed = new InstalledPackage(text, Math.abs(text.length() - 3), text, text, text);
        OperatingSystem os = os(text, text, text, format, text, List.of(installed,
                new InstalledPackage("ok", 0, "1", "", "")));
        InspectionResult result = new InspectionResult(new ImageFile(text, text, -1), Optional.empty(), text,
                Status.INSPECTED, Optional.empty(), List.of(os), Timings.none(), CacheInfo.notUsed(), text, text);

        JsonNode sbom = validSbom(result);

        List<String> purls = purls(sbom);
        assertThat(purls).hasSize(2);
        assertThat(purls).allSatisfy(purl -> assertThat(purl).matches(PURL));
        Purl first = Purl.parse(purls.get(0));
        String name = CycloneDxReport.clean(text);
        assertThat(first.name()).isIn(name, name.toLowerCase(), "unnamed");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.of("", " ", "\t\n", "<script>", "\uD800", "\uDC00x\uD83D", "😀", "@", "?", "#", "/", "%",
                        ":", "pkg:deb/x@1", "\u0000", "\u202Egnp.exe"));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("deb", "rpm", "apk", "unknown", "");
    }

    /** The purl grammar with every reserved character percent-encoded. */
    private static final String PURL_TEXT = "(?:[A-Za-z0-9._~:-]|%[0-9A-F]{2})+";
    private static final String PURL = "pkg:[a-z]+/(?:" + PURL_TEXT + "/)*" + PURL_TEXT + "(?:@" + PURL_TEXT
            + ")?(?:\\?[a-z]+=" + PURL_TEXT + "(?:&[a-z]+=" + PURL_TEXT + ")*)?";

    /** What the CycloneDX library makes of a string: trimmed, line breaks and tabs as single spaces. */
    private static String asTheLibraryWritesIt(final String text) {
        return text.replace('\uD800', '\uFFFD').strip().replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
                .replace("\r", " ").replaceAll(" +", " ");
    }

    // ---- helpers

    private byte[] write(final InspectionResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(result, out);
        return out.toByteArray();
    }

    private JsonNode validSbom(final InspectionResult result) throws IOException {
        return validSbom(write(result));
    }

    /** The SBOM, once the CycloneDX library's own schema validation for 1.6 found nothing wrong. */
    static JsonNode validSbom(final byte[] bytes) throws IOException {
        String json = new String(bytes, StandardCharsets.UTF_8);
        List<ParseException> errors = new JsonParser().validate(json, Version.VERSION_16);
        assertThat(errors).as("CycloneDX 1.6 schema errors in%n%s", json).isEmpty();
        return MAPPER.readTree(bytes);
    }

    private static List<JsonNode> components(final JsonNode sbom) {
        return StreamSupport.stream(sbom.path("components").spliterator(), false).toList();
    }

    private static List<String> purls(final JsonNode sbom) {
        return components(sbom).stream().filter(c -> c.has("purl")).map(c -> c.path("purl").asText()).toList();
    }

    private static JsonNode component(final JsonNode sbom, final String name) {
        return components(sbom).stream().filter(c -> name.equals(c.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name));
    }

    private static Optional<String> property(final JsonNode component, final String name) {
        return StreamSupport.stream(component.path("properties").spliterator(), false)
                .filter(p -> (CycloneDxReport.PROPERTY_PREFIX + name).equals(p.path("name").asText()))
                .map(p -> p.path("value").asText()).findFirst();
    }

    static InspectionResult inspected(final String path, final String hash, final OperatingSystem... systems) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return new InspectionResult(new ImageFile(path, fileName, 123_456_789L),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 10L << 30, Optional.empty())), hash, Status.INSPECTED,
                Optional.empty(), List.of(systems), new Timings(1, 2, 3, 1, 5, 6, 17), new CacheInfo(false, 8),
                "1.48.6", "0.1.0-test");
    }

    static OperatingSystem debian12(final List<InstalledPackage> packages) {
        return os("debian", "Debian GNU/Linux 12 (bookworm)", "12", "deb", "apt", packages);
    }

    static OperatingSystem os(final String distro, final String product, final String version, final String format,
                              final String manager, final List<InstalledPackage> packages) {
        return new OperatingSystem("/dev/sda1", "linux", distro, product, version, 0, 0, "x86_64", "golden", format,
                manager, List.of(), List.of(), List.of("6.1.0-13-amd64"), packages, "", List.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
