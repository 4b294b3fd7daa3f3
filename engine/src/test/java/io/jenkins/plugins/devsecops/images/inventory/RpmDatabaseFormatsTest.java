package io.jenkins.plugins.devsecops.images.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * rpm's three database formats read to the same packages. The fixtures: {@code rpmdb.sqlite} written by rpm 4.18;
 * {@code rpm-bdb/Packages} written by Berkeley DB 5.3's {@code db5.3_load -t hash} from the same three header blobs
 * and listed by {@code rpm -qa --define '_db_backend bdb_ro'} as the same three packages; NDB written in the test by
 * {@link NdbWriter}. Hostile variants are derived from them in the test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpmDatabaseFormatsTest {

    private static final List<String> PACKAGES = List.of("bash 5.1.8-9.el9 x86_64", "openssl-libs 1:3.0.7-27.el9 x86_64",
            "tzdata 2024a-1.el9 x86_64");

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RpmDatabaseFormatsTest.class.getResourceAsStream("/io/jenkins/plugins/devsecops/images/"
                + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    static List<byte[]> sqliteBlobs() throws IOException {
        List<byte[]> blobs = new ArrayList<>();
        for (Object[] row : SqliteTable.rows(resource("rpmdb.sqlite"), "Packages")) {
            Arrays.stream(row).filter(byte[].class::isInstance).map(byte[].class::cast).forEach(blobs::add);
        }
        return blobs;
    }

    private static List<String> describe(RpmDatabase.Result result) {
        return result.packages().stream().map(p -> p.name() + " " + p.version() + " " + p.architecture()).sorted()
                .toList();
    }

    private static int files(RpmDatabase.Result result, String name) {
        return result.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().files().size();
    }

    @Test
    void shouldReadTheSamePackagesFromSqliteBerkeleyDbAndNdb() throws IOException {
        RpmDatabase.Result sqlite = RpmDatabase.parse(resource("rpmdb.sqlite"));
        RpmDatabase.Result bdb = RpmDatabase.parse(resource("rpm-bdb/Packages"));
        RpmDatabase.Result ndb = RpmDatabase.parse(NdbWriter.create().freeSlotsFirst(2).blobs(sqliteBlobs()).write());

        assertThat(describe(sqlite)).isEqualTo(PACKAGES);
        assertThat(describe(bdb)).isEqualTo(PACKAGES);
        assertThat(describe(ndb)).isEqualTo(PACKAGES);
        // bash's 44 KB header spans eleven overflow pages in the Berkeley DB file; its 301 files all come through
        assertThat(files(sqlite, "bash")).isGreaterThan(300);
        assertThat(files(bdb, "bash")).isEqualTo(files(sqlite, "bash"));
        assertThat(files(ndb, "bash")).isEqualTo(files(sqlite, "bash"));
        assertThat(bdb.unreadable()).isZero();
        assertThat(ndb.unreadable()).isZero();
    }

    @Test
    void shouldReadNdbSlotsSpreadOverSeveralSlotPages() throws IOException {
        List<byte[]> blobs = sqliteBlobs();
        NdbWriter writer = NdbWriter.create().slotPages(2).freeSlotsFirst(300);
        blobs.forEach(writer::blob);

        assertThat(describe(RpmDatabase.parse(writer.write()))).isEqualTo(PACKAGES);
    }

    @Test
    void shouldSkipAnNdbBlobThatFailsItsChecksumAndCountIt() throws IOException {
        byte[] db = NdbWriter.create().blobs(sqliteBlobs()).write();
        // flip one byte inside the first blob (the slot page is 4,096 bytes, the blob's head 16)
        db[4096 + 16 + 100] ^= 0x55;

        RpmDatabase.Result result = RpmDatabase.parse(db);

        assertThat(result.packages()).hasSize(2);
        assertThat(result.unreadable()).isEqualTo(1);
    }

    @Test
    void shouldRefuseNdbSlotsPointingOutsideTheFile() throws IOException {
        byte[] db = NdbWriter.create().blobs(sqliteBlobs()).write();
        ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(32 + 12, Integer.MAX_VALUE);
        assertThatThrownBy(() -> RpmDatabase.parse(db)).isInstanceOf(IOException.class)
                .hasMessageContaining("NDB").hasMessageContaining("points outside the file");

        byte[] pages = NdbWriter.create().blobs(sqliteBlobs()).write();
        ByteBuffer.wrap(pages).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1_000_000);
        assertThatThrownBy(() -> RpmDatabase.parse(pages)).hasMessageContaining("claims 1000000 slot pages");

        byte[] magic = NdbWriter.create().blobs(sqliteBlobs()).write();
        magic[48] = 'X';
        assertThatThrownBy(() -> RpmDatabase.parse(magic)).hasMessageContaining("has no Slot magic");
    }

    @Test
    void shouldRefuseATruncatedBerkeleyDbClearly() throws IOException {
        byte[] full = resource("rpm-bdb/Packages");
        // cut in the middle of bash's overflow chain (pages 5 to 15)
        byte[] cut = Arrays.copyOf(full, 14 * 4096);
        assertThatThrownBy(() -> RpmDatabase.parse(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("as Berkeley DB: overflow chain breaks or loops at page 14");
        // cut so short that the chain cannot fit
        byte[] shorter = Arrays.copyOf(full, 8 * 4096);
        assertThatThrownBy(() -> RpmDatabase.parse(shorter))
                .hasMessageContaining("an overflow item of 44060 bytes is larger than the file can hold");
        assertThatThrownBy(() -> RpmDatabase.parse(Arrays.copyOf(full, 300)))
                .hasMessageContaining("not a Berkeley DB file: 300 bytes");
    }

    @Test
    void shouldStopAnOverflowChainThatLoops() throws IOException {
        byte[] db = resource("rpm-bdb/Packages");
        ByteBuffer buffer = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
        int loopingPage = -1;
        for (int page = 1; page < db.length / 4096; page++) {
            // an overflow page in the middle of a chain: point it back at itself
            if ((db[page * 4096 + 25] & 0xff) == 7 && buffer.getInt(page * 4096 + 16) != 0) {
                loopingPage = page;
                buffer.putInt(page * 4096 + 16, page);
                break;
            }
        }
        assertThat(loopingPage).isPositive();

        assertThatThrownBy(() -> RpmDatabase.parse(db)).hasMessageContaining("loops at page " + loopingPage);
    }

    @Test
    void shouldRefuseHugeOrOutOfPageItems() throws IOException {
        byte[] db = resource("rpm-bdb/Packages");
        ByteBuffer buffer = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
        int hashPage = -1;
        for (int page = 1; page < db.length / 4096; page++) {
            if ((db[page * 4096 + 25] & 0xff) == 13) {
                hashPage = page;
                break;
            }
        }
        int start = hashPage * 4096;
        byte[] huge = db.clone();
        int entries = buffer.getShort(start + 20);
        int reference = -1;
        for (int item = 1; item < entries; item += 2) {
            int offset = buffer.getShort(start + 26 + 2 * item) & 0xffff;
            if (db[start + offset] == 3) {
                reference = start + offset;
                break;
            }
        }
        assertThat(reference).isPositive();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(reference + 8, Integer.MAX_VALUE);
        assertThatThrownBy(() -> RpmDatabase.parse(huge)).hasMessageContaining("larger than the file can hold");

        buffer.putShort(start + 26, (short) 9);
        assertThatThrownBy(() -> RpmDatabase.parse(db)).hasMessageContaining("is out of bounds");
    }

    @Test
    void shouldNameNeitherFormatForGarbage() {
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);

        assertThatThrownBy(() -> RpmDatabase.parse(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an rpm database in the SQLite or NDB format");
    }
}
