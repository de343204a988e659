package io.github.guestinspect.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a fuzzer's bytes as a choice and parts. A target with variants takes its choice from the first byte ('0' is
 * the first variant, '1' the second, ...; any byte chooses one); parts are cut at 0xFF, a byte that never occurs in
 * UTF-8, so a corpus file stays writable by hand ({@code printf '1abc\xffdef'}), every text can still be written,
 * and invalid UTF-8 is still reachable through the other bytes.
 */
public final class FuzzInput {
    public static final byte SEPARATOR = (byte) 0xFF;

    private FuzzInput() {
    }

    /** The variant the first byte chooses, 0 to {@code count - 1} ('0' chooses 0); 0 for an empty input. */
    public static int choice(final byte[] data, final int count) {
        return data.length == 0 ? 0 : Math.floorMod(data[0] - '0', count);
    }

    /** Everything after the choice byte. */
    public static byte[] afterChoice(final byte[] data) {
        return data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
    }

    /** The bytes in exactly {@code count} parts: missing parts are empty, the last one keeps any further 0xFF. */
    public static List<byte[]> parts(final byte[] data, final int count) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length && parts.size() < count - 1; i++) {
            if (data[i] == SEPARATOR) {
                parts.add(Arrays.copyOfRange(data, start, i));
                start = i + 1;
            }
        }
        parts.add(Arrays.copyOfRange(data, start, data.length));
        while (parts.size() < count) {
            parts.add(new byte[0]);
        }
        return parts;
    }

    /** {@link #parts} decoded as UTF-8, invalid bytes replaced (as guestfish's output is read). */
    public static List<String> texts(final byte[] data, final int count) {
        return parts(data, count).stream().map(part -> new String(part, StandardCharsets.UTF_8)).toList();
    }
}
