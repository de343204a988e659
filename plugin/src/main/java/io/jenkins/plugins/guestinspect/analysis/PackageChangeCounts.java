package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange.Kind;

/** How many packages were added, removed, upgraded and downgraded. Persisted by XStream: plain fields. */
public final class PackageChangeCounts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int added;
    private final int removed;
    private final int upgraded;
    private final int downgraded;

    public PackageChangeCounts(final int added, final int removed, final int upgraded, final int downgraded) {
        this.added = added;
        this.removed = removed;
        this.upgraded = upgraded;
        this.downgraded = downgraded;
    }

    /** The counts over some images' changes. */
    public static PackageChangeCounts of(final List<ImageChanges> changes) {
        return new PackageChangeCounts(sum(changes, Kind.ADDED), sum(changes, Kind.REMOVED),
                sum(changes, Kind.UPGRADED), sum(changes, Kind.DOWNGRADED));
    }

    private static int sum(final List<ImageChanges> changes, final Kind kind) {
        return (int) changes.stream().mapToLong(image -> image.count(kind)).sum();
    }

    public int getAdded() {
        return added;
    }

    public int getRemoved() {
        return removed;
    }

    public int getUpgraded() {
        return upgraded;
    }

    public int getDowngraded() {
        return downgraded;
    }

    public int getTotal() {
        return added + removed + upgraded + downgraded;
    }

    /** "3 added, 1 removed, 5 upgraded, 0 downgraded". */
    @Override
    public String toString() {
        return added + " added, " + removed + " removed, " + upgraded + " upgraded, " + downgraded + " downgraded";
    }

    /** The counts for Scripted Pipeline. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("added", added);
        map.put("removed", removed);
        map.put("upgraded", upgraded);
        map.put("downgraded", downgraded);
        return map;
    }
}
