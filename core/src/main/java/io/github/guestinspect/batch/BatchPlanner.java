package io.github.guestinspect.batch;

import io.github.guestinspect.runner.ProbedImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs images into appliance batches: as few batches as the batch size allows, and balanced by image size
 * (largest first, each to the lightest batch with room), so parallel appliances finish at about the same time.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

    static List<List<ProbedImage>> plan(final List<ProbedImage> images, final int batchSize) {
        if (images.isEmpty()) {
            return List.of();
        }
        int batches = (images.size() - 1) / batchSize + 1; // no overflow for huge batch sizes
        List<List<ProbedImage>> plan = new ArrayList<>();
        long[] weight = new long[batches];
        for (int i = 0; i < batches; i++) {
            plan.add(new ArrayList<>());
        }
        List<ProbedImage> largestFirst = new ArrayList<>(images);
        largestFirst.sort(Comparator.comparingLong((ProbedImage image) -> image.file().fileSize()).reversed());
        for (ProbedImage image : largestFirst) {
            int lightest = -1;
            for (int i = 0; i < batches; i++) {
                if (plan.get(i).size() < batchSize && (lightest < 0 || weight[i] < weight[lightest])) {
                    lightest = i;
                }
            }
            plan.get(lightest).add(image);
            weight[lightest] += Math.max(1, image.file().fileSize());
        }
        return plan;
    }
}
