package io.github.guestinspect.guest;

import io.github.guestinspect.model.InstalledPackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads Alpine's /lib/apk/db/installed: records of one-letter fields (P: name, V: version, A: arch) separated by
 * blank lines. A version "1.2.4_git20230717-r4" becomes version "1.2.4_git20230717" and release "4", as libguestfs
 * reports it. Unlike libguestfs, the last record counts even without a trailing blank line.
 */
public final class ApkDatabaseParser {
    /** Parses the database and returns the packages sorted by name. */
    public List<InstalledPackage> parse(final byte[] content) {
        List<InstalledPackage> packages = new ArrayList<>();
        String name = "";
        String version = "";
        String arch = "";
        for (String line : GuestText.lines(content)) {
            if (line.isBlank()) {
                add(name, version, arch, packages);
                name = "";
                version = "";
                arch = "";
            }
            else if (line.startsWith("P:")) {
                name = line.substring(2).strip();
            }
            else if (line.startsWith("V:")) {
                version = line.substring(2).strip();
            }
            else if (line.startsWith("A:")) {
                arch = line.substring(2).strip();
            }
        }
        add(name, version, arch, packages);
        packages.sort(Comparator.comparing(InstalledPackage::name));
        return packages;
    }

    private static void add(final String name, final String full, final String arch,
                            final List<InstalledPackage> packages) {
        if (name.isEmpty()) {
            return;
        }
        int dash = full.lastIndexOf("-r");
        boolean hasRelease = dash > 0 && full.substring(dash + 2).matches("\\d+");
        packages.add(new InstalledPackage(name, 0, hasRelease ? full.substring(0, dash) : full,
                hasRelease ? full.substring(dash + 2) : "", arch));
    }
}
