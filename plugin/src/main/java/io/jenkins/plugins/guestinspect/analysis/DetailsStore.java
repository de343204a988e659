package io.jenkins.plugins.guestinspect.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.ModelMapper;

/**
 * Keeps a build's {@link BuildDetails} as gzipped JSON ({@value #FILE_NAME}) in the build folder, out of
 * build.xml. Written through a temporary file and a rename, so a reader never sees half a file.
 */
public final class DetailsStore {
    public static final String FILE_NAME = "guest-inspect-details.json.gz";

    private final ObjectMapper json = ModelMapper.json();

    public void write(final Path buildDirectory, final BuildDetails details) throws IOException {
        Files.createDirectories(buildDirectory);
        Path temporary = Files.createTempFile(buildDirectory, ".guest-inspect-", ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary))) {
                json.writeValue(out, details);
            }
            Files.move(temporary, buildDirectory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The details; empty ones when the file is missing (older builds). */
    public BuildDetails read(final Path buildDirectory) throws IOException {
        Path file = buildDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return BuildDetails.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return json.readValue(in, BuildDetails.class);
        }
    }
}
