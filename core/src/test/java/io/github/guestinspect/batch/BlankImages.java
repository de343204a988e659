package io.github.guestinspect.batch;

import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.testing.RequiredTools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real blank disk images made by qemu-img, checked by the real {@link ImageProbe}, as a scheduler gets them. */
final class BlankImages {
    private BlankImages() {
    }

    /** Creates a blank image; a raw one's file size is its virtual size, so sizes can be chosen freely. */
    static Path create(final Path directory, final String name, final String format, final long bytes)
            throws IOException, InterruptedException {
        RequiredTools.require("apt-get install qemu-utils", "qemu-img");
        Path image = directory.resolve(name);
        Process process = new ProcessBuilder("qemu-img", "create", "-q", "-f", format, image.toString(),
                Long.toString(bytes)).inheritIO().start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("qemu-img create " + image + " failed");
        }
        return image;
    }

    /** Raw images of 1, 2, ... MiB named {@code <prefix><MiB>M.raw}. */
    static List<Path> raw(final Path directory, final String prefix, final int count)
            throws IOException, InterruptedException {
        List<Path> images = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            images.add(create(directory, prefix + i + "M.raw", "raw", i * 1024L * 1024));
        }
        return images;
    }

    /** Checks the images with the real qemu-img probe, as a run does before scheduling; all must pass. */
    static List<ProbedImage> probe(final List<Path> images) throws InterruptedException {
        try (ChildProcesses processes = new ChildProcesses()) {
            CheckedImages intake = CheckedImages.check(images, new ImageProbe(processes, false),
                    ProgressListener.none(), "test");
            if (!intake.rejected().isEmpty()) {
                throw new IllegalStateException("blank images were rejected: " + intake.rejected().values());
            }
            return intake.probed();
        }
    }
}
