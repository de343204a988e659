package io.github.guestinspect.model;

import java.util.List;
import java.util.Objects;

/**
 * One operating system root found on an image (an image may hold several). Strings come from the image: untrusted.
 *
 * @param root              the root filesystem, named as if the image were the only disk
 * @param type              "linux"
 * @param distro            the os-release ID (debian, ubuntu, fedora, rhel, alpine, ...), "unknown" if absent
 * @param productName       the os-release PRETTY_NAME (or the release file's first line)
 * @param version           the os-release VERSION_ID (or the release file's version), "" when unknown
 * @param majorVersion      the leading number of the version, 0 when none
 * @param minorVersion      the second number of the version, 0 when none
 * @param architecture      from the ELF header of a binary in /bin (x86_64, aarch64, ...), "unknown" when none
 * @param hostname          the configured hostname, "" when none
 * @param packageFormat     deb, rpm, apk or "unknown"
 * @param packageManager    apt, dnf, yum, apk or "unknown"
 * @param mountpoints       the fstab entries resolved on this image
 * @param filesystems       the filesystems of the image
 * @param kernels           installed kernel versions (/lib/modules)
 * @param packages          the installed packages, sorted by name
 * @param packageNote       why the package list is missing or partial, "" when complete
 * @param fileQueries       the paths and globs that were looked up ({@code files} is complete for exactly these)
 * @param files             what those paths are (missing ones included for plain paths)
 * @param accountsWithPassword      accounts in /etc/shadow with a password hash set
 * @param accountsWithEmptyPassword accounts in /etc/shadow whose password is empty (login without password)
 * @param factNotes         files that would have given facts but were not read, each with why ("/etc/hostname not
 *                          read: it is a symbolic link to /etc/shadow, which holds password hashes"); empty when
 *                          every such file was read (and in results written before this field existed)
 */
public record OperatingSystem(
        String root, String type, String distro, String productName, String version,
        int majorVersion, int minorVersion, String architecture, String hostname,
        String packageFormat, String packageManager,
        List<Mountpoint> mountpoints, List<Filesystem> filesystems, List<String> kernels,
        List<InstalledPackage> packages, String packageNote, List<String> fileQueries, List<FileFact> files,
        List<String> accountsWithPassword, List<String> accountsWithEmptyPassword, List<String> factNotes) {
    public OperatingSystem {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(packageFormat, "packageFormat");
        Objects.requireNonNull(packageManager, "packageManager");
        Objects.requireNonNull(packageNote, "packageNote");
        mountpoints = List.copyOf(mountpoints);
        filesystems = List.copyOf(filesystems);
        kernels = List.copyOf(kernels);
        packages = List.copyOf(packages);
        fileQueries = List.copyOf(fileQueries);
        files = List.copyOf(files);
        accountsWithPassword = List.copyOf(accountsWithPassword);
        accountsWithEmptyPassword = List.copyOf(accountsWithEmptyPassword);
        factNotes = factNotes == null ? List.of() : List.copyOf(factNotes); // absent from older JSON reports
    }
}
