package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Reads the rows of one table of a SQLite 3 database held in memory, read-only, following the file format
 * (https://www.sqlite.org/fileformat2.html): the schema table on page 1 names the table's root page, whose table
 * b-tree is walked (interior pages to their children, leaf cells to records, long payloads through their overflow
 * pages). Every page is visited at most once and every offset is checked, so a corrupt or hostile file ends in an
 * {@link IOException}, never a loop. Enough for rpm's {@code rpmdb.sqlite}; indexes, WAL files and free lists are
 * not read (a database with uncommitted WAL content is read as last checkpointed).
 */
final class SqliteTable {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1);

    private final byte[] db;
    private final int pageSize;
    private final int usable;
    private final int pageCount;

    private SqliteTable(byte[] db) throws IOException {
        this.db = db;
        if (db.length < 100) {
            throw new IOException("not a SQLite database: too short");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (db[i] != MAGIC[i]) {
                throw new IOException("not a SQLite database: no SQLite header");
            }
        }
        int size = u16(16);
        pageSize = size == 1 ? 65536 : size;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new IOException("bad SQLite page size " + pageSize);
        }
        usable = pageSize - (db[20] & 0xff);
        if (usable < 480) {
            throw new IOException("bad SQLite reserved space");
        }
        pageCount = db.length / pageSize;
    }

    /**
     * The rows of {@code table}, each its column values ({@code null}, {@link Long}, {@link Double}, {@link String}
     * or {@code byte[]}); an {@code INTEGER PRIMARY KEY} column reads as {@code null} (it is the row id).
     */
    static List<Object[]> rows(byte[] db, String table) throws IOException {
        SqliteTable reader = new SqliteTable(db);
        Integer root = null;
        for (Object[] row : reader.walk(1)) {
            if (row.length >= 4 && "table".equals(row[0]) && table.equals(row[1]) && row[3] instanceof Long page) {
                root = page.intValue();
            }
        }
        if (root == null) {
            throw new IOException("the database has no table " + table);
        }
        return reader.walk(root);
    }

    private List<Object[]> walk(int rootPage) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        BitSet visited = new BitSet();
        Deque<Integer> pages = new ArrayDeque<>();
        pages.push(rootPage);
        while (!pages.isEmpty()) {
            int page = pages.pop();
            if (page < 1 || page > pageCount || visited.get(page)) {
                throw new IOException("corrupt SQLite b-tree (page " + page + ")");
            }
            visited.set(page);
            int start = (page - 1) * pageSize;
            int header = page == 1 ? start + 100 : start;
            int type = db[header] & 0xff;
            int cells = u16(header + 3);
            if (type == 0x05) {
                List<Integer> children = new ArrayList<>();
                for (int i = 0; i < cells; i++) {
                    children.add(u32(start + check(u16(header + 12 + 2 * i), 4)));
                }
                children.add(u32(header + 8));
                for (int i = children.size() - 1; i >= 0; i--) {
                    pages.push(children.get(i));
                }
            } else if (type == 0x0d) {
                for (int i = 0; i < cells; i++) {
                    rows.add(record(payload(start + check(u16(header + 8 + 2 * i), 2), visited)));
                }
            } else {
                throw new IOException("page " + page + " is not a table b-tree page (type " + type + ")");
            }
        }
        return rows;
    }

    private int check(int offset, int room) throws IOException {
        if (offset < 0 || offset + room > pageSize) {
            throw new IOException("corrupt SQLite cell pointer");
        }
        return offset;
    }

    /** The payload of the leaf cell at {@code offset}, its overflow pages followed. */
    private byte[] payload(int offset, BitSet visited) throws IOException {
        long[] value = new long[1];
        int position = varint(offset, value);
        long total = value[0];
        position = varint(position, value); // row id
        if (total < 0 || total > db.length) {
            throw new IOException("corrupt SQLite payload size");
        }
        int size = (int) total;
        int maxLocal = usable - 35;
        int local;
        if (size <= maxLocal) {
            local = size;
        } else {
            int minLocal = (usable - 12) * 32 / 255 - 23;
            int k = minLocal + (size - minLocal) % (usable - 4);
            local = k <= maxLocal ? k : minLocal;
        }
        byte[] payload = new byte[size];
        copy(position, payload, 0, local);
        int filled = local;
        if (filled < size) {
            int overflow = u32(position + local);
            while (filled < size) {
                if (overflow < 1 || overflow > pageCount || visited.get(overflow)) {
                    throw new IOException("corrupt SQLite overflow chain");
                }
                visited.set(overflow);
                int pageStart = (overflow - 1) * pageSize;
                int chunk = Math.min(size - filled, usable - 4);
                copy(pageStart + 4, payload, filled, chunk);
                filled += chunk;
                overflow = u32(pageStart);
            }
        }
        return payload;
    }

    private Object[] record(byte[] payload) throws IOException {
        long[] value = new long[1];
        int headerEnd = varint(payload, 0, value);
        long headerSize = value[0];
        if (headerSize > payload.length || headerSize < headerEnd) {
            throw new IOException("corrupt SQLite record header");
        }
        List<Long> types = new ArrayList<>();
        int position = headerEnd;
        while (position < headerSize) {
            position = varint(payload, position, value);
            types.add(value[0]);
        }
        Object[] columns = new Object[types.size()];
        int data = (int) headerSize;
        for (int i = 0; i < types.size(); i++) {
            long type = types.get(i);
            int length = type >= 12 ? (int) ((type - (type % 2 == 0 ? 12 : 13)) / 2)
                    : type == 1 ? 1 : type == 2 ? 2 : type == 3 ? 3 : type == 4 ? 4 : type == 5 ? 6 : type == 6 || type == 7 ? 8 : 0;
            if (length < 0 || data + length > payload.length) {
                throw new IOException("corrupt SQLite record");
            }
            if (type >= 12 && type % 2 == 0) {
                columns[i] = java.util.Arrays.copyOfRange(payload, data, data + length);
            } else if (type >= 13) {
                columns[i] = new String(payload, data, length, StandardCharsets.UTF_8);
            } else if (type >= 1 && type <= 6) {
                long number = payload[data]; // sign-extended
                for (int k = 1; k < length; k++) {
                    number = number << 8 | payload[data + k] & 0xff;
                }
                columns[i] = number;
            } else if (type == 7) {
                long bits = 0;
                for (int k = 0; k < 8; k++) {
                    bits = bits << 8 | payload[data + k] & 0xff;
                }
                columns[i] = Double.longBitsToDouble(bits);
            } else if (type == 8 || type == 9) {
                columns[i] = type - 8;
            }
            data += length;
        }
        return columns;
    }

    private void copy(int from, byte[] to, int at, int length) throws IOException {
        if (from < 0 || length < 0 || from + length > db.length) {
            throw new IOException("corrupt SQLite page (payload past the end of the file)");
        }
        System.arraycopy(db, from, to, at, length);
    }

    private int varint(int offset, long[] value) throws IOException {
        return varint(db, offset, value);
    }

    private static int varint(byte[] bytes, int offset, long[] value) throws IOException {
        long result = 0;
        for (int i = 0; i < 9; i++) {
            if (offset + i >= bytes.length) {
                throw new IOException("corrupt SQLite varint");
            }
            int b = bytes[offset + i] & 0xff;
            if (i == 8) {
                value[0] = result << 8 | b;
                return offset + 9;
            }
            result = result << 7 | b & 0x7f;
            if ((b & 0x80) == 0) {
                value[0] = result;
                return offset + i + 1;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private int u16(int offset) throws IOException {
        if (offset < 0 || offset + 2 > db.length) {
            throw new IOException("corrupt SQLite file (offset past the end)");
        }
        return (db[offset] & 0xff) << 8 | db[offset + 1] & 0xff;
    }

    private int u32(int offset) throws IOException {
        if (offset < 0 || offset + 4 > db.length) {
            throw new IOException("corrupt SQLite file (offset past the end)");
        }
        return (db[offset] & 0xff) << 24 | (db[offset + 1] & 0xff) << 16 | (db[offset + 2] & 0xff) << 8 | db[offset + 3] & 0xff;
    }
}
