package io.github.guestinspect.runner;

import io.github.guestinspect.guest.GuestText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the NUL-separated name lists that guestfish's {@code ls0} writes (names may hold any other byte). */
final class NulList {
    private NulList() {
    }

    static List<String> read(final Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllBytes(file)) : List.of();
    }

    /** The names as the guest holds them, for looking them up again. */
    static List<byte[]> readBytes(final Path file) throws IOException {
        return Files.exists(file) ? parseBytes(Files.readAllBytes(file)) : List.of();
    }

    /** The non-empty names between NULs, decoded (a name without a final NUL is dropped: ls0 ends every one). */
    static List<String> parse(final byte[] bytes) {
        return parseBytes(bytes).stream().map(GuestText::decode).toList();
    }

    /** The non-empty names between NULs, as bytes. */
    static List<byte[]> parseBytes(final byte[] bytes) {
        List<byte[]> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i > start) {
                    names.add(Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        return names;
    }
}
