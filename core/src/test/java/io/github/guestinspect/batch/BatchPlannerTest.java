package io.github.guestinspect.batch;

import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.runner.ProbedImage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlannerTest {
    private static List<ProbedImage> images(final long... sizes) {
        List<ProbedImage> images = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            images.add(image("image-" + i + ".qcow2", sizes[i]));
        }
        return images;
    }

    private static List<ProbedImage> images(final List<Long> sizes) {
        return images(sizes.stream().mapToLong(Long::longValue).toArray());
    }

    private static ProbedImage image(final String name, final long size) {
        return new ProbedImage(Path.of(name), new ImageFile(name, name, size),
                new DiskInfo(DiskFormat.QCOW2, 1L << 30, Optional.empty()), 0);
    }

    private static long weight(final List<ProbedImage> batch) {
        return batch.stream().mapToLong(image -> Math.max(1, image.file().fileSize())).sum();
    }

    @Test
    void shouldPlanNothingForNoImages() {
        assertThat(BatchPlanner.plan(List.of(), 4)).isEmpty();
    }

    @Test
    void shouldPutOneImageInOneBatch() {
        List<ProbedImage> images = images(100);

        assertThat(BatchPlanner.plan(images, 8)).containsExactly(images);
    }

    @Test
    void shouldUseOneBatchPerImageWithBatchSizeOne() {
        List<ProbedImage> images = images(5, 1, 3);

        List<List<ProbedImage>> plan = BatchPlanner.plan(images, 1);

        assertThat(plan).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(plan).flatMap(batch -> batch).containsExactlyInAnyOrderElementsOf(images);
    }

    @Test
    void shouldSplitEqualSizesEvenly() {
        List<List<ProbedImage>> plan = BatchPlanner.plan(images(10, 10, 10, 10, 10, 10), 3);

        assertThat(plan).hasSize(2).allSatisfy(batch -> assertThat(weight(batch)).isEqualTo(30));
    }

    @Test
    void shouldFindThePerfectSplitWhenGreedyPackingAllowsIt() {
        List<List<ProbedImage>> plan = BatchPlanner.plan(images(1, 2, 3, 4, 5, 6, 7, 8), 4);

        assertThat(plan).hasSize(2).allSatisfy(batch -> assertThat(weight(batch)).isEqualTo(18));
    }

    @Test
    void shouldKeepTheLargestImageAwayFromTheOtherLargeOnes() {
        List<List<ProbedImage>> plan = BatchPlanner.plan(images(1000, 900, 10, 10), 2);

        assertThat(plan).hasSize(2);
        assertThat(plan).allSatisfy(batch -> assertThat(weight(batch)).isBetween(910L, 1010L));
    }

    @Test
    void shouldPlaceImagesOfUnknownSizeWithoutFailing() {
        List<ProbedImage> images = images(-1, -1, 0, 5);

        List<List<ProbedImage>> plan = BatchPlanner.plan(images, 2);

        assertThat(plan).hasSize(2).allSatisfy(batch -> assertThat(batch).hasSize(2));
        assertThat(plan).flatMap(batch -> batch).containsExactlyInAnyOrderElementsOf(images);
    }

    @Test
    void shouldNotChangeTheGivenList() {
        List<ProbedImage> images = images(1, 5, 3);
        List<ProbedImage> copy = List.copyOf(images);

        BatchPlanner.plan(Collections.unmodifiableList(images), 2);

        assertThat(images).containsExactlyElementsOf(copy);
    }

    @Property(tries = 500)
    void shouldNeverExceedTheBatchSize(
            @ForAll @Size(max = 60) final List<@LongRange(min = -1, max = 1_000_000) Long> sizes,
            @ForAll @IntRange(min = 1, max = 20) final int batchSize) {
        for (List<ProbedImage> batch : BatchPlanner.plan(images(sizes), batchSize)) {
            assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(batchSize);
        }
    }

    @Property(tries = 500)
    void shouldUseAsFewBatchesAsTheBatchSizeAllows(
            @ForAll @Size(max = 60) final List<@LongRange(min = -1, max = 1_000_000) Long> sizes,
            @ForAll @IntRange(min = 1, max = 20) final int batchSize) {
        int expected = (int) Math.ceil(sizes.size() / (double) batchSize);

        assertThat(BatchPlanner.plan(images(sizes), batchSize)).hasSize(expected);
    }

    @Property(tries = 500)
    void shouldPlanEveryImageExactlyOnce(
            @ForAll @Size(max = 60) final List<@LongRange(min = -1, max = 1_000_000) Long> sizes,
            @ForAll @IntRange(min = 1, max = 20) final int batchSize) {
        List<ProbedImage> images = images(sizes);
        Map<ProbedImage, Integer> seen = new IdentityHashMap<>();

        for (List<ProbedImage> batch : BatchPlanner.plan(images, batchSize)) {
            batch.forEach(image -> seen.merge(image, 1, Integer::sum));
        }

        assertThat(seen).hasSameSizeAs(images);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isOne());
        images.forEach(image -> assertThat(seen).containsKey(image));
    }

    /** Largest first, each to the lightest batch: no batch ends up heavier than the lightest by more than one image. */
    @Property(tries = 1000)
    void shouldBalanceTheBatchesWithinOneImage(
            @ForAll @Size(min = 1, max = 40) final List<@LongRange(min = -1, max = 1_000_000_000_000L) Long> sizes,
            @ForAll @IntRange(min = 1, max = 12) final int batchSize) {
        List<List<ProbedImage>> plan = BatchPlanner.plan(images(sizes), batchSize);
        long largest = sizes.stream().mapToLong(size -> Math.max(1, size)).max().orElseThrow();
        long heaviest = plan.stream().mapToLong(BatchPlannerTest::weight).max().orElseThrow();
        long lightest = plan.stream().mapToLong(BatchPlannerTest::weight).min().orElseThrow();

        assertThat(heaviest - lightest).isLessThanOrEqualTo(largest);
    }

    @Property(tries = 300)
    void shouldPutEveryImageInItsOwnBatchWhenTheSizeIsOne(
            @ForAll @Size(max = 30) final List<@LongRange(min = 0, max = 1000) Long> sizes) {
        assertThat(BatchPlanner.plan(images(sizes), 1)).hasSize(sizes.size())
                .allSatisfy(batch -> assertThat(batch).hasSize(1));
    }
}
