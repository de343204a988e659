package io.github.guestinspect.diff;

import io.github.guestinspect.model.InspectionResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which image of an earlier run is which image of a later one: the same path, else the same file name when exactly
 * one unpaired image on each side has it (the same image built into another directory, such as {@code out/41/} and
 * {@code out/42/}). Package diffs and anything else that compares two runs image by image pair them this way.
 */
public final class ImagePairs {
    private ImagePairs() {
    }

    /**
     * Pairs each image of {@code after} with its image in {@code before}, where it has one. Keys are compared by
     * identity (two results may be equal).
     */
    public static Map<InspectionResult, InspectionResult> pair(final List<InspectionResult> before,
                                                               final List<InspectionResult> after) {
        Map<InspectionResult, InspectionResult> pairs = new IdentityHashMap<>();
        Map<String, Deque<InspectionResult>> byPath = new HashMap<>();
        for (InspectionResult older : before) {
            byPath.computeIfAbsent(older.image().path(), path -> new ArrayDeque<>()).add(older);
        }
        List<InspectionResult> unmatchedAfter = new ArrayList<>();
        for (InspectionResult newer : after) {
            Deque<InspectionResult> candidates = byPath.get(newer.image().path());
            if (candidates != null && !candidates.isEmpty()) {
                pairs.put(newer, candidates.removeFirst());
            }
            else {
                unmatchedAfter.add(newer);
            }
        }
        Map<String, List<InspectionResult>> olderByName = new HashMap<>();
        byPath.values().forEach(rest -> rest.forEach(older -> olderByName
                .computeIfAbsent(older.image().fileName(), name -> new ArrayList<>()).add(older)));
        Map<String, List<InspectionResult>> newerByName = new HashMap<>();
        unmatchedAfter.forEach(newer -> newerByName.computeIfAbsent(newer.image().fileName(),
                name -> new ArrayList<>()).add(newer));
        newerByName.forEach((name, newer) -> {
            List<InspectionResult> older = olderByName.getOrDefault(name, List.of());
            if (newer.size() == 1 && older.size() == 1) {
                pairs.put(newer.get(0), older.get(0));
            }
        });
        return pairs;
    }

    /** The same pairing by path: each paired path of {@code after} to its path in {@code before}. */
    public static Map<String, String> pairPaths(final List<InspectionResult> before,
                                                final List<InspectionResult> after) {
        Map<String, String> paths = new HashMap<>();
        pair(before, after).forEach((newer, older) -> paths.put(newer.image().path(), older.image().path()));
        return paths;
    }
}
