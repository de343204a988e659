package io.github.guestinspect.cli;

import io.github.guestinspect.cache.CacheMaintenance;
import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.report.JsonReport;
import io.github.guestinspect.runner.LibguestfsRunner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.guestinspect.diff.Results.apk;
import static io.github.guestinspect.diff.Results.failed;
import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;

/** Two builds' results, as saved by {@code inspect --format json -o}, for the diff, report and history tests. */
final class SavedResults {
    private SavedResults() {
    }

    /** Stores a result for a qcow2 image's content in a cache, as a run that inspected it would have. */
    static void seed(final Path cache, final Path image, final InspectionResult result) throws Exception {
        new ResultCache(cache, warning -> { }).put(cacheKey(cache, image, "qcow2"), result);
    }

    /** The key of an image's result in a cache, as guest-inspect computes it. */
    static String cacheKey(final Path cache, final Path image, final String format) throws Exception {
        String hash = new HashMemo(cache.resolve(CacheMaintenance.MEMO), ContentHasher.allCores()).hash(image).hash();
        return ResultCache.key(hash, LibguestfsRunner.READER_VERSION, format);
    }

    /** Build 41: a Debian image, an Alpine image and an image that build 42 cannot inspect. */
    static List<InspectionResult> build41() {
        return List.of(
                inspected("out/debian12.qcow2", new Timings(12, 30, 18_000, 2, 1_900, 650, 21_000), false,
                        os("/dev/sda1", "deb", pkg("openssl", "3.0.11-1~deb12u2", "amd64"),
                                pkg("gi-tilde-pkg", "1.0~rc1-1", "all"), pkg("gi-epoch-pkg", "2:1.5-3", "amd64"),
                                pkg("old-tool", "0.9-1", "amd64"), pkg("bash", "5.2.15-2+b2", "amd64"))),
                inspected("out/alpine.qcow2", new Timings(3, 20, 18_000, 2, 800, 90, 19_500), false,
                        os("/dev/sda1", "apk", apk("musl", "1.2.4", "1"), apk("busybox", "1.36.1", "13"))),
                inspected("out/fedora39.qcow2", new Timings(9, 25, 17_000, 1, 2_500, 4_100, 24_000), false,
                        os("/dev/sda2", "rpm", pkg("kernel-core", "6.5.9-300.fc39", "x86_64"))));
    }

    /** Build 42: openssl and the tilde package upgraded, the epoch package downgraded, one added, one removed. */
    static List<InspectionResult> build42() {
        return List.of(
                inspected("out/debian12.qcow2", new Timings(2, 30, 20_000, 2, 2_000, 700, 23_000), true,
                        os("/dev/sda1", "deb", pkg("openssl", "3.0.13-1~deb12u1", "amd64"),
                                pkg("gi-tilde-pkg", "1.0-1", "all"), pkg("gi-epoch-pkg", "1:9.0-1", "amd64"),
                                pkg("new-tool", "1.0-1", "amd64"), pkg("bash", "5.2.15-2+b2", "amd64"))),
                inspected("out/alpine.qcow2", new Timings(3, 20, 20_000, 2, 850, 95, 21_000), false,
                        os("/dev/sda1", "apk", apk("musl", "1.2.4", "10"), apk("busybox", "1.36.1", "13"))),
                failed("out/fedora39.qcow2"));
    }

    static Path write(final Path file, final List<InspectionResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new JsonReport().write(results, out);
        }
        return file;
    }
}
