package io.github.guestinspect.report.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Package URLs (purl) of installed packages: {@code pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12},
 * {@code pkg:rpm/fedora/openssl@3.1.1-4.fc39?arch=x86_64&distro=fedora-39&epoch=1},
 * {@code pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1}.
 *
 * <ul>
 * <li>deb: the version as Debian writes it, epoch included ({@code 1:2.5.1-4}); the purl spec's deb type says so.</li>
 * <li>rpm: VERSION-RELEASE as the version, the epoch (when not 0) as the {@code epoch} qualifier.</li>
 * <li>apk: the version with apk's {@code -rN} release suffix.</li>
 * <li>The namespace is the os-release ID (debian, ubuntu, fedora, alpine, ...), the {@code distro} qualifier
 *     ID-VERSION_ID; an unknown distribution gets neither, an unknown package format the {@code generic} type.</li>
 * </ul>
 *
 * <p>The purl is built and validated by packageurl-java ({@link PackageURLBuilder}: type rules, lower-cased deb and
 * rpm namespaces, sorted qualifiers); its string form is written here, per the purl spec's encoding rules, because
 * packageurl-java 1.5.0 (the newest release; the fixes are only on its unreleased 2.0 line) percent-encodes each
 * UTF-8 byte of non-ASCII text as a sign-extended int ({@code %FFFFFFD0}), bytes below 0x10 with one hex digit
 * ({@code %1}) and the colon, which the spec leaves as it is. Everything but the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} and the colon is percent-encoded as UTF-8, so any name (markup, quotes, spaces, '/',
 * '@', '?', '#', controls, any script) stays data inside one purl; unpaired surrogates become U+FFFD.
 */
public final class PackageUrls {
    private static final String UNKNOWN = "unknown";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PackageUrls() {
    }

    /** The canonical purl of a package installed in a root. Never fails: a refused purl becomes pkg:generic. */
    public static String of(final OperatingSystem os, final InstalledPackage installed) {
        return canonical(build(os, installed));
    }

    /** The purl as packageurl-java builds it (its {@code canonicalize()} is not used: see the class comment). */
    static PackageURL build(final OperatingSystem os, final InstalledPackage installed) {
        String distro = CycloneDxReport.clean(os.distro()).strip().toLowerCase(Locale.ROOT);
        boolean knownDistro = !distro.isEmpty() && !UNKNOWN.equals(distro);
        PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withName(CycloneDxReport.clean(installed.name()));
        String type;
        String version;
        switch (os.packageFormat()) {
            case "deb" -> {
                type = "deb";
                version = installed.fullVersion();
            }
            case "rpm" -> {
                type = "rpm";
                version = installed.release().isEmpty() ? installed.version()
                        : installed.version() + "-" + installed.release();
                if (installed.epoch() != 0) {
                    builder.withQualifier("epoch", Integer.toString(installed.epoch()));
                }
            }
            case "apk" -> {
                type = "apk";
                version = apkVersion(installed);
            }
            default -> {
                type = "generic";
                version = installed.fullVersion();
            }
        }
        builder.withType(type);
        if (!version.isEmpty()) {
            builder.withVersion(CycloneDxReport.clean(version));
        }
        if (!installed.architecture().isEmpty()) {
            builder.withQualifier("arch", CycloneDxReport.clean(installed.architecture()));
        }
        if (!"generic".equals(type) && knownDistro) {
            builder.withNamespace(distro);
            String distroVersion = CycloneDxReport.clean(os.version()).strip();
            builder.withQualifier("distro", distroVersion.isEmpty() ? distro : distro + "-" + distroVersion);
        }
        try {
            return builder.build();
        }
        catch (MalformedPackageURLException | RuntimeException refused) {
            return generic(installed);
        }
    }

    /** The version as apk writes it: VERSION-rRELEASE. */
    static String apkVersion(final InstalledPackage installed) {
        return installed.release().isEmpty() ? installed.version() : installed.version() + "-r" + installed.release();
    }

    private static PackageURL generic(final InstalledPackage installed) {
        String name = CycloneDxReport.clean(installed.name());
        try {
            PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType("generic")
                    .withName(name.isEmpty() ? "unnamed" : name);
            if (!installed.fullVersion().isEmpty()) {
                builder.withVersion(CycloneDxReport.clean(installed.fullVersion()));
            }
            return builder.build();
        }
        catch (MalformedPackageURLException exception) {
            throw new IllegalStateException("packageurl-java refused a generic purl", exception);
        }
    }

    /** The canonical string form of a purl, encoded per the purl spec. */
    static String canonical(final PackageURL purl) {
        StringBuilder text = new StringBuilder("pkg:").append(purl.getType()).append('/');
        if (purl.getNamespace() != null) {
            for (String segment : purl.getNamespace().split("/")) {
                if (!segment.isEmpty()) {
                    text.append(encode(segment)).append('/');
                }
            }
        }
        text.append(encode(purl.getName()));
        if (purl.getVersion() != null) {
            text.append('@').append(encode(purl.getVersion()));
        }
        Map<String, String> qualifiers = purl.getQualifiers();
        if (qualifiers != null && !qualifiers.isEmpty()) {
            char separator = '?';
            for (Map.Entry<String, String> qualifier : new java.util.TreeMap<>(qualifiers).entrySet()) {
                text.append(separator).append(qualifier.getKey()).append('=').append(encode(qualifier.getValue()));
                separator = '&';
            }
        }
        return text.toString();
    }

    /** Percent-encodes everything but the unreserved characters and ':' as UTF-8. */
    static String encode(final String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (byte b : CycloneDxReport.clean(text).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_' || c == '~' || c == ':';
            if (plain) {
                encoded.append((char) c);
            }
            else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
