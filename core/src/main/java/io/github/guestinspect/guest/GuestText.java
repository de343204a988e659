package io.github.guestinspect.guest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decoding of guest files: UTF-8 where valid, Latin-1 otherwise, so no byte is lost or fails the run. */
public final class GuestText {
    private GuestText() {
    }

    /** Decodes bytes from an image. Invalid UTF-8 (legacy encodings) falls back to Latin-1, byte for byte. */
    public static String decode(final byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException exception) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The lines of a guest file, with \r\n or \n endings. */
    public static List<String> lines(final byte[] bytes) {
        return decode(bytes).lines().toList();
    }
}
