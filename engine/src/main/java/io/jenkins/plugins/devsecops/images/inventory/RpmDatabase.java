package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads rpm's package database in each of its three formats, told apart by their magic: SQLite
 * ({@code rpmdb.sqlite}, RHEL/Rocky/Alma 9+, Fedora 33+, current SUSE; every row of the {@code Packages} table is
 * one header blob), NDB ({@code Packages.db}, SUSE with rpm 4.16+, see {@link NdbPackages}) and Berkeley DB
 * ({@code Packages}, RHEL/CentOS 8 and older, Amazon Linux 2; a hash keyed by header instance, see
 * {@link BerkeleyHashFile}).
 */
final class RpmDatabase {

    /** Where images keep the database, in the order rpm's backends are preferred. */
    static final List<String> PATHS = List.of("usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/rpmdb.sqlite",
            "usr/lib/sysimage/rpm/Packages.db", "var/lib/rpm/Packages.db", "var/lib/rpm/Packages");

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    /**
     * The packages of one database file.
     *
     * @param packages the packages whose headers could be read (gpg-pubkey entries left out)
     * @param unreadable how many headers or blobs failed their checks and were skipped
     */
    record Result(List<PackageRecord> packages, int unreadable) {
    }

    private RpmDatabase() {
    }

    /**
     * The packages of a database file in any of the three formats.
     *
     * @throws IOException naming the format and the first structural problem, or when no header could be read
     */
    static Result parse(byte[] database) throws IOException {
        if (startsWith(database, SQLITE)) {
            List<byte[]> blobs = new ArrayList<>();
            for (Object[] row : SqliteTable.rows(database, "Packages")) {
                byte[] blob = null;
                for (Object column : row) {
                    if (column instanceof byte[] bytes) {
                        blob = bytes;
                    }
                }
                if (blob != null) {
                    blobs.add(blob);
                }
            }
            return headers(blobs, 0, "SQLite");
        }
        if (NdbPackages.looksLike(database)) {
            NdbPackages.Result ndb;
            try {
                ndb = NdbPackages.read(database);
            } catch (IOException e) {
                throw new IOException("NDB: " + e.getMessage(), e);
            }
            return headers(ndb.blobs(), ndb.corrupt(), "NDB");
        }
        List<BerkeleyHashFile.Entry> entries;
        try {
            entries = BerkeleyHashFile.entries(database);
        } catch (IOException e) {
            throw new IOException("not an rpm database in the SQLite or NDB format, and as Berkeley DB: "
                    + e.getMessage(), e);
        }
        List<byte[]> blobs = new ArrayList<>();
        Set<Integer> instances = new HashSet<>();
        for (BerkeleyHashFile.Entry entry : entries) {
            if (entry.key().length != 4) {
                continue;
            }
            // the key is the header instance in the writer's byte order; instance 0 holds rpm's next-instance counter
            int little = ByteBuffer.wrap(entry.key()).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (little != 0 && instances.add(little)) {
                blobs.add(entry.value());
            }
        }
        return headers(blobs, 0, "Berkeley DB");
    }

    private static Result headers(List<byte[]> blobs, int corrupt, String format) throws IOException {
        List<PackageRecord> packages = new ArrayList<>();
        int unreadable = corrupt;
        for (byte[] blob : blobs) {
            try {
                PackageRecord record = RpmHeader.read(blob);
                if (record != null) {
                    packages.add(record);
                }
            } catch (IOException e) {
                unreadable++;
            }
        }
        if (unreadable > 0 && packages.isEmpty()) {
            throw new IOException(format + ": " + unreadable + " unreadable package headers");
        }
        return new Result(packages, unreadable);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
