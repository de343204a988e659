package io.github.guestinspect.guest;

import io.github.guestinspect.model.InstalledPackage;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.SynchronousMode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rpm's sqlite package database (rpm 4.16 and later: Fedora 33+, RHEL 9) copied out of an image. Each row of
 * the Packages table is an rpm header blob: an index of (tag, type, offset, count) entries and a data store; only
 * name, epoch, version, release and arch are read. The blob is untrusted: every offset is bounds-checked and a
 * malformed header is skipped, never allowed to fail the whole list.
 */
public final class RpmDatabaseParser {
    private static final int TAG_NAME = 1000;
    private static final int TAG_VERSION = 1001;
    private static final int TAG_RELEASE = 1002;
    private static final int TAG_EPOCH = 1003;
    private static final int TAG_ARCH = 1022;
    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_I18NSTRING = 9;
    private static final int MAX_INDEX_ENTRIES = 1 << 16;
    private static final int INDEX_ENTRY_SIZE = 16;

    /** Reads every package of the database file; the file is opened read-only. */
    public List<InstalledPackage> parse(final Path database) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setSynchronous(SynchronousMode.OFF);
        List<InstalledPackage> packages = new ArrayList<>();
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT blob FROM Packages")) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(1);
                if (blob != null) {
                    parseHeader(blob).ifPresent(packages::add);
                }
            }
        }
        catch (SQLException exception) {
            throw new IOException("the rpm database cannot be read: " + exception.getMessage(), exception);
        }
        packages.sort(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::fullVersion));
        return packages;
    }

    /** Parses one header blob; empty when it is malformed or has no name. */
    static Optional<InstalledPackage> parseHeader(final byte[] blob) {
        if (blob.length < 8) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob); // big-endian, as rpm writes it
        int entries = buffer.getInt(0);
        int dataLength = buffer.getInt(4);
        long dataStart = 8L + (long) entries * INDEX_ENTRY_SIZE;
        if (entries <= 0 || entries > MAX_INDEX_ENTRIES || dataLength < 0 || dataStart + dataLength > blob.length) {
            return Optional.empty();
        }
        Map<Integer, String> strings = new HashMap<>();
        int epoch = 0;
        for (int i = 0; i < entries; i++) {
            int at = 8 + i * INDEX_ENTRY_SIZE;
            int tag = buffer.getInt(at);
            int type = buffer.getInt(at + 4);
            int offset = buffer.getInt(at + 8);
            if (offset < 0 || offset >= dataLength) {
                continue;
            }
            int position = (int) dataStart + offset;
            if (tag == TAG_EPOCH && type == TYPE_INT32 && position + 4 <= dataStart + dataLength) {
                epoch = buffer.getInt(position);
            }
            else if (isWanted(tag) && (type == TYPE_STRING || type == TYPE_I18NSTRING)) {
                strings.put(tag, cString(blob, position, (int) dataStart + dataLength));
            }
        }
        String name = strings.getOrDefault(TAG_NAME, "");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstalledPackage(name, Math.max(epoch, 0),
                strings.getOrDefault(TAG_VERSION, ""), strings.getOrDefault(TAG_RELEASE, ""),
                strings.getOrDefault(TAG_ARCH, "")));
    }

    private static boolean isWanted(final int tag) {
        return tag == TAG_NAME || tag == TAG_VERSION || tag == TAG_RELEASE || tag == TAG_ARCH;
    }

    private static String cString(final byte[] blob, final int start, final int end) {
        int stop = start;
        while (stop < end && blob[stop] != 0) {
            stop++;
        }
        byte[] bytes = new byte[stop - start];
        System.arraycopy(blob, start, bytes, 0, bytes.length);
        return GuestText.decode(bytes);
    }
}
