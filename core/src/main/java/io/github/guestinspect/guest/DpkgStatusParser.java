package io.github.guestinspect.guest;

import io.github.guestinspect.model.InstalledPackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads /var/lib/dpkg/status: one stanza per package, separated by blank lines. A package counts as installed
 * when the third word of its Status field is "installed" (as dpkg-query shows it); removed packages that left
 * only their configuration behind do not.
 */
public final class DpkgStatusParser {
    /** Parses the status file and returns the installed packages sorted by name. */
    public List<InstalledPackage> parse(final byte[] content) {
        List<InstalledPackage> packages = new ArrayList<>();
        Map<String, String> stanza = new HashMap<>();
        for (String line : GuestText.lines(content)) {
            if (line.isBlank()) {
                addIfInstalled(stanza, packages);
                stanza.clear();
            }
            else if (!Character.isWhitespace(line.charAt(0))) { // continuation lines belong to fields we skip
                int colon = line.indexOf(':');
                if (colon > 0) {
                    stanza.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        addIfInstalled(stanza, packages);
        packages.sort(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::architecture));
        return packages;
    }

    private static void addIfInstalled(final Map<String, String> stanza, final List<InstalledPackage> packages) {
        String name = stanza.getOrDefault("Package", "");
        String[] status = stanza.getOrDefault("Status", "").split("\\s+");
        if (name.isEmpty() || status.length < 3 || !"installed".equals(status[2])) {
            return;
        }
        String full = stanza.getOrDefault("Version", "");
        int epoch = 0;
        int colon = full.indexOf(':');
        if (colon > 0 && full.substring(0, colon).matches("\\d{1,9}")) {
            epoch = Integer.parseInt(full.substring(0, colon));
            full = full.substring(colon + 1);
        }
        int dash = full.lastIndexOf('-');
        String version = dash > 0 ? full.substring(0, dash) : full;
        String release = dash > 0 ? full.substring(dash + 1) : "";
        packages.add(new InstalledPackage(name, epoch, version, release, stanza.getOrDefault("Architecture", "")));
    }
}
