package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Reads the header blobs of rpm's NDB package database ({@code Packages.db}, SUSE/openSUSE with rpm 4.16+), held in
 * memory, read-only. Written from the format's description in rpm's {@code lib/backend/ndb}: all numbers are
 * little-endian; a 32-byte file header ({@code RpmP}, version 0, generation, slot page count); after it, in the slot
 * pages (4,096 bytes each), 16-byte slots ({@code Slot}, package index, block offset, block count; offset 0 = free);
 * each slot points at a blob of 16-byte blocks: a head ({@code BlbS}, package index, time, length), the header blob,
 * zero padding and a tail (Adler-32 of everything before it, length, {@code BlbE}). Every slot and blob is checked
 * against the file, the blob's head and tail and its checksum; a bad blob is counted and skipped.
 */
final class NdbPackages {

    private static final int FILE_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int HEAD_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int HEADER_SIZE = 32;
    private static final int SLOT_SIZE = 16;
    private static final int BLOCK = 16;
    private static final int PAGE = 4096;
    private static final int HEAD = 16;
    private static final int TAIL = 12;

    /**
     * The blobs.
     *
     * @param blobs the header blobs, in slot order
     * @param corrupt how many slots pointed at a blob that failed its checks
     */
    record Result(List<byte[]> blobs, int corrupt) {
    }

    private NdbPackages() {
    }

    static boolean looksLike(byte[] bytes) {
        return bytes.length >= HEADER_SIZE && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == FILE_MAGIC;
    }

    /**
     * Every package blob of the database {@code bytes}.
     *
     * @throws IOException naming the first structural problem of the file or its slots
     */
    static Result read(byte[] bytes) throws IOException {
        if (!looksLike(bytes)) {
            throw new IOException("not an rpm NDB database (no RpmP magic)");
        }
        ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = file.getInt(4);
        if (version != 0) {
            throw new IOException("rpm NDB version " + version + " is not known (expected 0)");
        }
        long slotPages = file.getInt(12) & 0xffffffffL;
        if (slotPages < 1 || slotPages * PAGE > bytes.length) {
            throw new IOException("rpm NDB header claims " + slotPages + " slot pages in a file of " + bytes.length
                    + " bytes");
        }
        long fileBlocks = bytes.length / BLOCK;
        long firstDataBlock = slotPages * (PAGE / BLOCK);
        List<byte[]> blobs = new ArrayList<>();
        int corrupt = 0;
        for (int offset = HEADER_SIZE; offset < slotPages * PAGE; offset += SLOT_SIZE) {
            if (file.getInt(offset) != SLOT_MAGIC) {
                throw new IOException("rpm NDB slot at byte " + offset + " has no Slot magic");
            }
            long index = file.getInt(offset + 4) & 0xffffffffL;
            long blockOffset = file.getInt(offset + 8) & 0xffffffffL;
            long blockCount = file.getInt(offset + 12) & 0xffffffffL;
            if (blockOffset == 0) {
                continue;
            }
            if (index == 0 || blockCount == 0 || blockOffset < firstDataBlock
                    || blockOffset + blockCount > fileBlocks) {
                throw new IOException("rpm NDB slot at byte " + offset + " points outside the file (package "
                        + index + ", blocks " + blockOffset + "+" + blockCount + ")");
            }
            byte[] blob = blob(file, index, (int) (blockOffset * BLOCK), (int) (blockCount * BLOCK));
            if (blob == null) {
                corrupt++;
            } else {
                blobs.add(blob);
            }
        }
        return new Result(blobs, corrupt);
    }

    /** The blob of package {@code index} stored in {@code length} bytes at {@code start}, or {@code null}. */
    private static byte[] blob(ByteBuffer file, long index, int start, int length) {
        if (length < HEAD + TAIL || file.getInt(start) != HEAD_MAGIC || (file.getInt(start + 4) & 0xffffffffL) != index) {
            return null;
        }
        long blobLength = file.getInt(start + 12) & 0xffffffffL;
        if ((HEAD + blobLength + TAIL + BLOCK - 1) / BLOCK * BLOCK != length) {
            return null;
        }
        int tail = start + length - TAIL;
        if (file.getInt(tail + 8) != TAIL_MAGIC || (file.getInt(tail + 4) & 0xffffffffL) != blobLength) {
            return null;
        }
        Adler32 adler = new Adler32();
        adler.update(file.array(), start, length - TAIL);
        if ((int) adler.getValue() != file.getInt(tail)) {
            return null;
        }
        byte[] blob = new byte[(int) blobLength];
        file.get(start + HEAD, blob);
        return blob;
    }
}
