package io.github.guestinspect.runner;

import io.github.guestinspect.guest.GuestText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An absolute path inside a guest as the bytes the guest names it by (a name may hold any byte but NUL and '/'),
 * with the text it is shown as: each name decoded on its own ({@link GuestText}), so a name that is not UTF-8 does
 * not change how the others read. Lookups use the bytes, so a name reaches guestfish exactly as the image holds it.
 */
final class GuestPath {
    static final GuestPath ROOT = new GuestPath(new byte[] {'/'}, "/");

    private final byte[] bytes;
    private final String text;

    private GuestPath(final byte[] bytes, final String text) {
        this.bytes = bytes;
        this.text = text;
    }

    /** A path as text, such as a policy names it (its UTF-8 bytes). */
    static GuestPath of(final String path) {
        return new GuestPath(path.getBytes(StandardCharsets.UTF_8), path);
    }

    /** The entry of this directory with the given name, as a listing gave it. */
    GuestPath child(final byte[] name) {
        ByteArrayOutputStream child = new ByteArrayOutputStream(bytes.length + name.length + 1);
        child.writeBytes(bytes);
        if (!isRoot()) {
            child.write('/');
        }
        child.writeBytes(name);
        return new GuestPath(child.toByteArray(), (isRoot() ? "/" : text + "/") + GuestText.decode(name));
    }

    boolean isRoot() {
        return bytes.length == 1 && bytes[0] == '/';
    }

    /** The bytes, as guestfish is to look the path up. */
    byte[] bytes() {
        return bytes.clone();
    }

    /** The path as reports show it. */
    String text() {
        return text;
    }

    /** The directory that holds this entry ("/" for an entry of the root). */
    GuestPath parent() {
        int slash = lastSlash();
        if (slash <= 0) {
            return ROOT;
        }
        // names hold no '/', and decoding one never makes one: the text's last '/' is this same one
        return new GuestPath(Arrays.copyOfRange(bytes, 0, slash), text.substring(0, text.lastIndexOf('/')));
    }

    /** The last name, empty for the root or a path that ends with '/'. */
    byte[] name() {
        return Arrays.copyOfRange(bytes, lastSlash() + 1, bytes.length);
    }

    /** True when no file can have this path: a NUL byte is in no name. */
    boolean isImpossible() {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private int lastSlash() {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof GuestPath path && Arrays.equals(bytes, path.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }
}
