package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rpm's package database in its SQLite format ({@code rpmdb.sqlite}, used by RHEL/Rocky/Alma 9+, Fedora 33+
 * and current SUSE): every row of its {@code Packages} table is one header blob. The older Berkeley DB
 * ({@code Packages}) and NDB ({@code Packages.db}) formats are recognized and reported as not supported.
 */
final class RpmDatabase {

    private RpmDatabase() {
    }

    static List<PackageRecord> parse(byte[] sqlite) throws IOException {
        List<PackageRecord> packages = new ArrayList<>();
        int unreadable = 0;
        for (Object[] row : SqliteTable.rows(sqlite, "Packages")) {
            byte[] blob = null;
            for (Object column : row) {
                if (column instanceof byte[] bytes) {
                    blob = bytes;
                }
            }
            if (blob == null) {
                continue;
            }
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
            throw new IOException(unreadable + " unreadable package headers");
        }
        return packages;
    }
}
