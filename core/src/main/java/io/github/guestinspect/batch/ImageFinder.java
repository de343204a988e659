package io.github.guestinspect.batch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands what a user names into image files: a file stays as it is (even a missing one, so it is reported by
 * name), a directory yields the disk images below it (at least one), a glob ({@code out/*.qcow2}, {@code out/**.vmdk}) the files
 * it matches. Results are sorted, so a run is reproducible.
 */
public final class ImageFinder {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".qcow2", ".qcow", ".raw", ".img", ".vmdk", ".vdi",
            ".vhdx", ".vhd");

    private final Path base;

    public ImageFinder(final Path base) {
        this.base = base;
    }

    /** Expands every argument; a pattern or a directory that yields no image is an error naming it. */
    public List<Path> find(final List<String> arguments) throws IOException {
        List<Path> images = new ArrayList<>();
        for (String argument : arguments) {
            if (isGlob(argument)) {
                List<Path> matches = glob(argument);
                if (matches.isEmpty()) {
                    throw new IOException("no file matches " + argument);
                }
                images.addAll(matches);
            }
            else {
                Path path = base.resolve(argument);
                if (Files.isDirectory(path)) {
                    List<Path> below = imagesBelow(path, argument);
                    if (below.isEmpty()) { // a CI job pointed at the wrong directory must not pass with nothing done
                        throw new IOException("no disk image below the directory " + argument + " (looked for "
                                + String.join(", ", IMAGE_EXTENSIONS) + ")");
                    }
                    images.addAll(below);
                }
                else {
                    images.add(Path.of(argument));
                }
            }
        }
        return images;
    }

    private static boolean isGlob(final String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private List<Path> imagesBelow(final Path directory, final String asGiven) throws IOException {
        Path given = Path.of(asGiven);
        List<Path> images = regularFiles(directory, ImageFinder::looksLikeImage);
        return directory.equals(given) ? images // found below the path as given already (a relative base of "")
                : images.stream().map(file -> given.resolve(directory.relativize(file))).toList();
    }

    /**
     * The regular files below the directory (following links, as {@link Files#isRegularFile}) that pass the test,
     * sorted; the walk's own attributes say what each file is, so a large directory costs one stat per file.
     */
    private static List<Path> regularFiles(final Path directory, final Predicate<Path> test) throws IOException {
        try (Stream<Path> files = Files.find(directory, Integer.MAX_VALUE, (file, attributes) ->
                (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file))
                        && test.test(file))) {
            return files.sorted().toList();
        }
    }

    private static boolean looksLikeImage(final Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : IMAGE_EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks from the pattern's fixed leading directories and matches the rest against paths relative to them, so
     * characters in the base directory's own name ([, {, ?) are never read as glob syntax. As in Ant and Jenkins,
     * {@code dir/**}{@code /*.qcow2} also matches files directly in {@code dir}.
     */
    private List<Path> glob(final String pattern) throws IOException {
        int firstWildcard = 0;
        while (firstWildcard < pattern.length() && "*?[{".indexOf(pattern.charAt(firstWildcard)) < 0) {
            firstWildcard++;
        }
        int slash = pattern.lastIndexOf('/', firstWildcard);
        String fixed = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String rest = pattern.substring(fixed.length());
        Path root = fixed.isEmpty() ? base : base.resolve(fixed);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String glob = rest.contains("{") ? rest : rest.replace("**/", "{**/,}");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return regularFiles(root, file -> matcher.matches(root.relativize(file))).stream()
                .map(file -> Path.of(fixed + root.relativize(file))).toList();
    }
}
