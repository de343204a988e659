package io.github.guestinspect.guest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rpm header blobs as rpm stores them in its database (big-endian): entry count, data length, 16-byte index
 * entries (tag, type, offset, count) and the data store. Lets tests place entries and lengths anywhere, including
 * where no valid header would.
 */
final class RpmHeaderBuilder {
    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int TYPE_INT32 = 4;
    static final int TYPE_STRING = 6;
    static final int TYPE_I18NSTRING = 9;

    private final List<int[]> entries = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private Integer entryCount;
    private Integer dataLength;
    private byte[] trailing = new byte[0];

    private RpmHeaderBuilder() {
    }

    static RpmHeaderBuilder header() {
        return new RpmHeaderBuilder();
    }

    RpmHeaderBuilder string(final int tag, final String value) {
        return text(tag, TYPE_STRING, value);
    }

    RpmHeaderBuilder text(final int tag, final int type, final String value) {
        entries.add(new int[] {tag, type, data.size(), 1});
        data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        data.write(0);
        return this;
    }

    RpmHeaderBuilder int32(final int tag, final int value) {
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        entries.add(new int[] {tag, TYPE_INT32, data.size(), 1});
        data.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        return this;
    }

    /** An index entry pointing wherever the test wants. */
    RpmHeaderBuilder entry(final int tag, final int type, final int offset) {
        entries.add(new int[] {tag, type, offset, 1});
        return this;
    }

    /** Raw bytes appended to the data store. */
    RpmHeaderBuilder data(final byte... bytes) {
        data.writeBytes(bytes);
        return this;
    }

    /** The current end of the data store, the offset of whatever is appended next. */
    int dataSize() {
        return data.size();
    }

    /** Overrides the entry count written in the preamble. */
    RpmHeaderBuilder entryCount(final int count) {
        entryCount = count;
        return this;
    }

    /** Overrides the data length written in the preamble. */
    RpmHeaderBuilder dataLength(final int length) {
        dataLength = length;
        return this;
    }

    /** Bytes after the data store, which are not part of the header. */
    RpmHeaderBuilder trailing(final byte... bytes) {
        trailing = bytes.clone();
        return this;
    }

    byte[] build() {
        byte[] store = data.toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(8 + entries.size() * 16 + store.length + trailing.length);
        buffer.putInt(entryCount == null ? entries.size() : entryCount);
        buffer.putInt(dataLength == null ? store.length : dataLength);
        for (int[] entry : entries) {
            for (int field : entry) {
                buffer.putInt(field);
            }
        }
        buffer.put(store);
        buffer.put(trailing);
        return buffer.array();
    }
}
