package io.github.guestinspect.diff;

import io.github.guestinspect.diff.PackageChange.Kind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.version.VersionScheme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The package changes between two sets of results (two builds, two runs), image by image.
 *
 * <ul>
 *   <li>Images are paired by {@link ImagePairs}: by path, else by an unambiguous file name.</li>
 *   <li>An image that could not be inspected on either side is left out: nothing is known about its packages, and
 *   reporting them all as removed would be wrong. An image only in {@code after} has all its packages added, one
 *   only in {@code before} all removed.</li>
 *   <li>An image with one operating system root on each side is compared directly; with several roots on either
 *   side, roots are compared one by one, matched by root device, and each change names its root:
 *   {@code "bash (/dev/sda2)"}. A root only on one side has all its packages added or removed.</li>
 *   <li>Packages are matched by name and architecture, so a multi-arch package ({@code libc6:amd64} and
 *   {@code libc6:i386}) is two packages; the name carries {@code ":ARCH"} when the name alone would be ambiguous
 *   in that root. Several installed versions of one package (rpm's install-only kernels) are compared as a
 *   multiset.</li>
 *   <li>Versions are ordered by the root's package format (dpkg, rpm or apk rules, never string order). Versions
 *   that are equal to the package manager (1.0 and 1.00, 0:1.0 and 1.0) are no change. When the two roots have
 *   different or unknown package formats there is no order: a changed version is reported as removed and added.</li>
 * </ul>
 */
public final class PackageDiff {
    private static final Comparator<PackageChange> ORDER = Comparator.comparing(PackageChange::name)
            .thenComparing(PackageChange::kind).thenComparing(PackageChange::before)
            .thenComparing(PackageChange::after);

    /**
     * The changes per image, in the order of {@code after} (then images only in {@code before}); an image compared
     * without any change is listed with an empty change list.
     */
    public List<ImageChanges> between(final List<InspectionResult> before, final List<InspectionResult> after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<InspectionResult, InspectionResult> pairs = ImagePairs.pair(before, after);
        Set<InspectionResult> matchedBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        matchedBefore.addAll(pairs.values());
        List<ImageChanges> changes = new ArrayList<>();
        for (InspectionResult newer : after) {
            InspectionResult older = pairs.get(newer);
            if (newer.status() == Status.FAILED || older != null && older.status() == Status.FAILED) {
                continue;
            }
            changes.addAll(compareImage(newer.image().path(), older == null ? List.of() : older.operatingSystems(),
                    newer.operatingSystems()));
        }
        for (InspectionResult older : before) {
            if (!matchedBefore.contains(older) && older.status() != Status.FAILED) {
                changes.addAll(compareImage(older.image().path(), older.operatingSystems(), List.of()));
            }
        }
        return changes;
    }

    /**
     * The changes of the images in {@code after} only (what a report of the newer run shows per image): like
     * {@link #between}, without the images that are no longer there.
     */
    public List<ImageChanges> forImagesOf(final List<InspectionResult> before, final List<InspectionResult> after) {
        List<ImageChanges> all = between(before, after);
        Set<String> paths = new HashSet<>();
        after.forEach(result -> paths.add(result.image().path()));
        return all.stream().filter(changes -> paths.contains(changes.image())).toList();
    }

    private static List<ImageChanges> compareImage(final String image, final List<OperatingSystem> before,
                                                   final List<OperatingSystem> after) {
        if (before.size() <= 1 && after.size() <= 1) {
            Optional<OperatingSystem> older = before.stream().findFirst();
            Optional<OperatingSystem> newer = after.stream().findFirst();
            return List.of(new ImageChanges(image, compareRoots(older, newer, "")));
        }
        Map<String, OperatingSystem> olderRoots = new LinkedHashMap<>();
        before.forEach(os -> olderRoots.putIfAbsent(os.root(), os));
        Map<String, OperatingSystem> newerRoots = new LinkedHashMap<>();
        after.forEach(os -> newerRoots.putIfAbsent(os.root(), os));
        Set<String> roots = new LinkedHashSet<>(newerRoots.keySet());
        roots.addAll(olderRoots.keySet());
        List<PackageChange> changes = new ArrayList<>();
        for (String root : roots) {
            changes.addAll(compareRoots(Optional.ofNullable(olderRoots.get(root)),
                    Optional.ofNullable(newerRoots.get(root)), " (" + root + ")"));
        }
        changes.sort(ORDER);
        return List.of(new ImageChanges(image, changes));
    }

    /** The changes of one root; {@code suffix} is appended to each name (the root, on images with several). */
    private static List<PackageChange> compareRoots(final Optional<OperatingSystem> before,
                                                    final Optional<OperatingSystem> after, final String suffix) {
        Optional<VersionScheme> scheme = scheme(before, after);
        Map<Key, List<String>> older = versions(before, scheme);
        Map<Key, List<String>> newer = versions(after, scheme);
        Set<String> ambiguous = ambiguousNames(older.keySet(), newer.keySet());
        Set<Key> keys = new LinkedHashSet<>(older.keySet());
        keys.addAll(newer.keySet());
        List<PackageChange> changes = new ArrayList<>();
        for (Key key : keys) {
            String name = (ambiguous.contains(key.name()) ? key.name() + ":" + key.architecture() : key.name())
                    + suffix;
            compareVersions(name, older.getOrDefault(key, List.of()), newer.getOrDefault(key, List.of()), scheme,
                    changes);
        }
        changes.sort(ORDER);
        return changes;
    }

    /** The order both roots share: the same known package format on both sides (or the one side there is). */
    private static Optional<VersionScheme> scheme(final Optional<OperatingSystem> before,
                                                  final Optional<OperatingSystem> after) {
        Optional<VersionScheme> older = before.flatMap(os -> VersionScheme.forPackageFormat(os.packageFormat()));
        Optional<VersionScheme> newer = after.flatMap(os -> VersionScheme.forPackageFormat(os.packageFormat()));
        if (before.isEmpty()) {
            return newer;
        }
        if (after.isEmpty()) {
            return older;
        }
        return older.equals(newer) ? older : Optional.empty();
    }

    /** Each package's versions (as its package manager writes them), by name and architecture. */
    private static Map<Key, List<String>> versions(final Optional<OperatingSystem> os,
                                                   final Optional<VersionScheme> scheme) {
        Map<Key, List<String>> versions = new TreeMap<>();
        os.ifPresent(root -> {
            for (InstalledPackage pkg : root.packages()) {
                String version = scheme.map(order -> order.versionOf(pkg)).orElseGet(pkg::fullVersion);
                versions.computeIfAbsent(new Key(pkg.name(), pkg.architecture()), key -> new ArrayList<>())
                        .add(version);
            }
        });
        return versions;
    }

    /** Names that occur with more than one architecture on either side. */
    private static Set<String> ambiguousNames(final Set<Key> before, final Set<Key> after) {
        Map<String, Set<String>> architectures = new HashMap<>();
        for (Set<Key> keys : List.of(before, after)) {
            keys.forEach(key -> architectures.computeIfAbsent(key.name(), name -> new HashSet<>())
                    .add(key.architecture()));
        }
        Set<String> ambiguous = new HashSet<>();
        architectures.forEach((name, archs) -> {
            if (archs.size() > 1) {
                ambiguous.add(name);
            }
        });
        return ambiguous;
    }

    /**
     * One package's versions before and after. Versions the package manager considers equal cancel out; one
     * remaining version on each side is an upgrade or downgrade (when there is an order), anything else is removed
     * and added versions.
     */
    private static void compareVersions(final String name, final List<String> before, final List<String> after,
                                        final Optional<VersionScheme> scheme, final List<PackageChange> changes) {
        List<String> removed = new ArrayList<>(before);
        List<String> added = new ArrayList<>();
        for (String version : after) {
            int same = indexOfSame(removed, version, scheme);
            if (same >= 0) {
                removed.remove(same);
            }
            else {
                added.add(version);
            }
        }
        if (removed.size() == 1 && added.size() == 1 && scheme.isPresent()) {
            int order = scheme.get().compare(removed.get(0), added.get(0));
            changes.add(new PackageChange(name, order < 0 ? Kind.UPGRADED : Kind.DOWNGRADED, removed.get(0),
                    added.get(0)));
            return;
        }
        removed.forEach(version -> changes.add(new PackageChange(name, Kind.REMOVED, version, "")));
        added.forEach(version -> changes.add(new PackageChange(name, Kind.ADDED, "", version)));
    }

    private static int indexOfSame(final List<String> versions, final String version,
                                   final Optional<VersionScheme> scheme) {
        for (int i = 0; i < versions.size(); i++) {
            String candidate = versions.get(i);
            boolean same = scheme.map(order -> order.compare(candidate, version) == 0)
                    .orElseGet(() -> candidate.equals(version));
            if (same) {
                return i;
            }
        }
        return -1;
    }

    /** A package's identity within a root. */
    private record Key(String name, String architecture) implements Comparable<Key> {
        @Override
        public int compareTo(final Key other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : architecture.compareTo(other.architecture);
        }
    }
}
