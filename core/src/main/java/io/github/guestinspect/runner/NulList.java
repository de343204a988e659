package io.github.guestinspect.runner;

import io.github.guestinspect.guest.GuestText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the NUL-separated name lists that guestfish's {@code ls0} writes (names may hold any other byte). */
final class NulList {
    private NulList() {
    }

    static List<String> read(final Path file) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.exists(file)) {
            return names;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i > start) {
                    byte[] name = new byte[i - start];
                    System.arraycopy(bytes, start, name, 0, name.length);
                    names.add(GuestText.decode(name));
                }
                start = i + 1;
            }
        }
        return names;
    }
}
