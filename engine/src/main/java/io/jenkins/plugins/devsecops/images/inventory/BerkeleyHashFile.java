package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the values of a Berkeley DB <em>hash</em> database held in memory, read-only, as rpm up to 4.16 keeps its
 * {@code Packages} file (RHEL/CentOS 8 and older, Amazon Linux 2): key = 4-byte header instance, value = one
 * header blob. Written from the format's description (Berkeley DB's on-disk page layouts): page 0 is the hash
 * meta page (magic {@code 0x061561} in the file's byte order, page size, last page); every hash page
 * ({@code P_HASH}/{@code P_HASH_UNSORTED}) holds key/data item pairs, an index of 2-byte offsets after the 26-byte
 * page header, each item starting with its type: {@code H_KEYDATA} inline bytes, {@code H_OFFPAGE} a pointer to a
 * chain of overflow pages ({@code P_OVERFLOW}, the page header's {@code hf_offset} field holding the bytes used).
 * Every offset, length and page number is checked and every overflow chain is bounded by the page count, so a
 * corrupt or hostile file ends in an {@link IOException}, never a loop or an over-allocation.
 */
final class BerkeleyHashFile {

    private static final int HASH_MAGIC = 0x061561;
    private static final int BTREE_MAGIC = 0x053162;
    private static final int PAGE_HEADER = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_DUPLICATE = 2;
    private static final int H_OFFPAGE = 3;
    private static final int H_OFFDUP = 4;
    private static final int METAFLAG_CHECKSUM = 0x01;

    /** One key and its value. */
    record Entry(byte[] key, byte[] value) {
    }

    private final ByteBuffer file;
    private final int pageSize;
    private final int pages;

    private BerkeleyHashFile(byte[] bytes) throws IOException {
        if (bytes.length < 512) {
            throw new IOException("not a Berkeley DB file: " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buffer.getInt(12);
        if (Integer.reverseBytes(magic) == HASH_MAGIC || Integer.reverseBytes(magic) == BTREE_MAGIC) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            magic = Integer.reverseBytes(magic);
        }
        if (magic == BTREE_MAGIC) {
            throw new IOException("a Berkeley DB btree, not the hash database rpm writes");
        }
        if (magic != HASH_MAGIC) {
            throw new IOException("not a Berkeley DB hash database (no hash magic)");
        }
        pageSize = buffer.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IOException("invalid Berkeley DB page size " + pageSize);
        }
        if (bytes[24] != 0) {
            throw new IOException("an encrypted Berkeley DB");
        }
        if ((bytes[25] & 0xff) != P_HASHMETA) {
            throw new IOException("page 0 is not a hash meta page (type " + (bytes[25] & 0xff) + ")");
        }
        if ((bytes[26] & METAFLAG_CHECKSUM) != 0) {
            throw new IOException("a checksummed Berkeley DB, which rpm does not write");
        }
        long lastPage = buffer.getInt(32) & 0xffffffffL;
        pages = (int) Math.min(bytes.length / pageSize, lastPage + 1);
        file = buffer;
    }

    /**
     * Every key/value pair of the hash database {@code bytes}, in page order.
     *
     * @throws IOException naming the first structural problem
     */
    static List<Entry> entries(byte[] bytes) throws IOException {
        return new BerkeleyHashFile(bytes).read();
    }

    private List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int page = 1; page < pages; page++) {
            int start = page * pageSize;
            int type = file.get(start + 25) & 0xff;
            if (type != P_HASH && type != P_HASH_UNSORTED) {
                continue; // overflow, free and other pages are reached from the hash pages or not at all
            }
            int count = u16(start + 20);
            if (PAGE_HEADER + 2L * count > pageSize) {
                throw new IOException("hash page " + page + " claims " + count + " items");
            }
            for (int i = 0; i + 1 < count; i += 2) {
                byte[] key = item(page, start, i);
                byte[] value = item(page, start, i + 1);
                if (key != null && value != null) {
                    entries.add(new Entry(key, value));
                }
            }
        }
        return entries;
    }

    /** The bytes of item {@code index} on a hash page, or {@code null} for duplicate sets (rpm writes none). */
    private byte[] item(int page, int start, int index) throws IOException {
        int offset = u16(start + PAGE_HEADER + 2 * index);
        int end = index == 0 ? pageSize : u16(start + PAGE_HEADER + 2 * (index - 1));
        if (offset < PAGE_HEADER || offset >= end || end > pageSize) {
            throw new IOException("hash page " + page + ": item " + index + " at offset " + offset
                    + " is out of bounds");
        }
        int type = file.get(start + offset) & 0xff;
        return switch (type) {
            case H_KEYDATA -> slice(start + offset + 1, end - offset - 1);
            case H_OFFPAGE -> {
                if (end - offset < 12) {
                    throw new IOException("hash page " + page + ": item " + index + " is a truncated overflow reference");
                }
                yield overflow(file.getInt(start + offset + 4), file.getInt(start + offset + 8) & 0xffffffffL);
            }
            case H_DUPLICATE, H_OFFDUP -> null;
            default -> throw new IOException("hash page " + page + ": item " + index + " has unknown type " + type);
        };
    }

    /** The {@code length} bytes stored in the overflow chain starting at {@code first}. */
    private byte[] overflow(int first, long length) throws IOException {
        long capacity = (long) (pages - 1) * (pageSize - PAGE_HEADER);
        if (length > capacity) {
            throw new IOException("an overflow item of " + length + " bytes is larger than the file can hold");
        }
        byte[] value = new byte[(int) length];
        int filled = 0;
        int page = first;
        Set<Integer> seen = new HashSet<>();
        while (filled < length) {
            if (page <= 0 || page >= pages || !seen.add(page)) {
                throw new IOException("overflow chain breaks or loops at page " + page);
            }
            int start = page * pageSize;
            if ((file.get(start + 25) & 0xff) != P_OVERFLOW) {
                throw new IOException("page " + page + " in an overflow chain is not an overflow page");
            }
            int used = u16(start + 22);
            if (used > pageSize - PAGE_HEADER || used > length - filled) {
                throw new IOException("overflow page " + page + " claims " + used + " bytes");
            }
            file.get(start + PAGE_HEADER, value, filled, used);
            filled += used;
            int next = file.getInt(start + 16);
            if (filled < length && next == 0) {
                throw new IOException("overflow chain ends early at page " + page + " (" + filled + " of " + length
                        + " bytes)");
            }
            page = next;
        }
        return value;
    }

    private byte[] slice(int from, int length) {
        byte[] bytes = new byte[length];
        file.get(from, bytes, 0, length);
        return bytes;
    }

    private int u16(int offset) {
        return file.getShort(offset) & 0xffff;
    }
}
