package io.jenkins.plugins.devsecops.images.inventory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Writes an rpm NDB {@code Packages.db} in the test, block for block as rpm's {@code lib/backend/ndb} lays it out
 * (no tool on this machine writes NDB: Debian's rpm 4.18 is built with the sqlite and bdb_ro backends only).
 */
final class NdbWriter {

    private final List<byte[]> blobs = new ArrayList<>();
    private int slotPages = 1;
    private int freeSlotsFirst;

    static NdbWriter create() {
        return new NdbWriter();
    }

    NdbWriter blob(byte[] blob) {
        blobs.add(blob);
        return this;
    }

    NdbWriter blobs(List<byte[]> values) {
        blobs.addAll(values);
        return this;
    }

    /** Spreads the slots over more slot pages, as a database with many packages has. */
    NdbWriter slotPages(int pages) {
        slotPages = pages;
        return this;
    }

    /** Leaves this many free slots (block offset 0) before the used ones, as deleted packages leave. */
    NdbWriter freeSlotsFirst(int count) {
        freeSlotsFirst = count;
        return this;
    }

    byte[] write() {
        int blocks = slotPages * 4096 / 16;
        List<int[]> placed = new ArrayList<>();
        for (byte[] blob : blobs) {
            int count = (16 + blob.length + 12 + 15) / 16;
            placed.add(new int[] {blocks, count});
            blocks += count;
        }
        ByteBuffer file = ByteBuffer.allocate(blocks * 16).order(ByteOrder.LITTLE_ENDIAN);
        file.put(0, "RpmP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.putInt(4, 0);
        file.putInt(8, 7);
        file.putInt(12, slotPages);
        file.putInt(16, blobs.size() + 1);
        for (int slot = 32; slot < slotPages * 4096; slot += 16) {
            file.put(slot, "Slot".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < blobs.size(); i++) {
            int slot = 32 + 16 * (freeSlotsFirst + i);
            int index = i + 1;
            file.putInt(slot + 4, index).putInt(slot + 8, placed.get(i)[0]).putInt(slot + 12, placed.get(i)[1]);
            int start = placed.get(i)[0] * 16;
            int length = placed.get(i)[1] * 16;
            byte[] blob = blobs.get(i);
            file.put(start, "BlbS".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            file.putInt(start + 4, index).putInt(start + 8, 1_700_000_000).putInt(start + 12, blob.length);
            file.put(start + 16, blob);
            Adler32 adler = new Adler32();
            adler.update(file.array(), start, length - 12);
            int tail = start + length - 12;
            file.putInt(tail, (int) adler.getValue()).putInt(tail + 4, blob.length);
            file.put(tail + 8, "BlbE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return file.array();
    }
}
