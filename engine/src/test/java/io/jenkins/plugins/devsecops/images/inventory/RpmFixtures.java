package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.util.List;

/** rpm database fixtures for tests outside this package: the rpm-written headers, and an NDB file of them. */
public final class RpmFixtures {

    private RpmFixtures() {
    }

    /** The three header blobs of the rpm-written {@code rpmdb.sqlite} fixture. */
    public static List<byte[]> sqliteBlobs() throws IOException {
        return RpmDatabaseFormatsTest.sqliteBlobs();
    }

    /** An NDB {@code Packages.db} holding {@code blobs}. */
    public static byte[] ndb(List<byte[]> blobs) {
        return NdbWriter.create().freeSlotsFirst(1).blobs(blobs).write();
    }
}
