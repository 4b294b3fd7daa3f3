package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Go executables for tests: the real one built by Go 1.19.8 ({@code go-fixture.gz}), and minimal ELF files written
 * here from the documented layout, with the build information in the Go 1.18+ inline form or the older pointer form.
 */
public final class GoBinaries {

    static final long BASE = 0x400000;
    private static final byte[] START = HexFormat.of().parseHex("3077af0c9274080241e1c107e6d618e6");
    private static final byte[] END = HexFormat.of().parseHex("f932433186182072008242104116d8f2");

    private GoBinaries() {
    }

    /** The real Go binary. */
    public static byte[] real() throws IOException {
        try (InputStream in = new GZIPInputStream(Objects.requireNonNull(GoBinaries.class.getResourceAsStream(
                "/io/jenkins/plugins/devsecops/images/go-fixture.gz")))) {
            return in.readAllBytes();
        }
    }

    /** The module text wrapped in its sentinels, as the linker writes it. */
    static byte[] wrapped(String modules) {
        byte[] text = modules.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(32 + text.length);
        return buffer.put(START).put(text).put(END).array();
    }

    /** A 64-bit little-endian ELF with the Go build-id note and inline (Go 1.18+) build information. */
    public static byte[] inline(String version, String modules) {
        ByteBuffer file = elf(true, ByteOrder.LITTLE_ENDIAN, 0x4000);
        int at = 0x1000;
        file.put(at, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        file.put(at + 14, (byte) 8).put(at + 15, (byte) 2);
        int position = at + 32;
        position = varintString(file, position, version.getBytes(StandardCharsets.UTF_8));
        varintString(file, position, wrapped(modules));
        return file.array();
    }

    /**
     * An ELF with build information in the pointer form (Go before 1.18): the header points at two Go string
     * headers (data pointer, length), whose data lies elsewhere in the one loadable segment.
     */
    static byte[] pointers(boolean wide, ByteOrder order, String version, String modules) {
        ByteBuffer file = elf(wide, order, 0x4000);
        int pointer = wide ? 8 : 4;
        int at = 0x1000;
        file.put(at, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        file.put(at + 14, (byte) pointer).put(at + 15, (byte) (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        byte[] moduleBytes = wrapped(modules);
        file.put(0x2000, versionBytes).put(0x2100, moduleBytes);
        putPointer(file, 0x3000, BASE + 0x2000, pointer);
        putPointer(file, 0x3000 + pointer, versionBytes.length, pointer);
        putPointer(file, 0x3040, BASE + 0x2100, pointer);
        putPointer(file, 0x3040 + pointer, moduleBytes.length, pointer);
        putPointer(file, at + 16, BASE + 0x3000, pointer);
        putPointer(file, at + 16 + pointer, BASE + 0x3040, pointer);
        return file.array();
    }

    /** An ELF header, one program header (PT_LOAD of the whole file at {@link #BASE}) and the Go note. */
    private static ByteBuffer elf(boolean wide, ByteOrder order, int length) {
        ByteBuffer file = ByteBuffer.allocate(length).order(order);
        file.put(0, new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), (byte) (order == ByteOrder.BIG_ENDIAN ? 2 : 1),
            1});
        file.putShort(16, (short) 2); // ET_EXEC
        int phoff = wide ? 64 : 52;
        if (wide) {
            file.putLong(0x20, phoff).putShort(0x36, (short) 56).putShort(0x38, (short) 1);
            file.putInt(phoff, 1).putInt(phoff + 4, 5).putLong(phoff + 8, 0).putLong(phoff + 16, BASE)
                    .putLong(phoff + 24, BASE).putLong(phoff + 32, length).putLong(phoff + 40, length);
        } else {
            file.putInt(0x1c, phoff).putShort(0x2a, (short) 32).putShort(0x2c, (short) 1);
            file.putInt(phoff, 1).putInt(phoff + 4, 0).putInt(phoff + 8, (int) BASE).putInt(phoff + 12, (int) BASE)
                    .putInt(phoff + 16, length).putInt(phoff + 20, length);
        }
        // the Go linker's build-id note: namesz 4, descsz 8, type 4, "Go\0\0", the id (as little-endian rpm writes)
        int note = 0x200;
        file.order(ByteOrder.LITTLE_ENDIAN).putInt(note, 4).putInt(note + 4, 8).putInt(note + 8, 4).order(order);
        file.put(note + 12, new byte[] {'G', 'o', 0, 0, 'b', 'u', 'i', 'l', 'd', 'i', 'd', '!'});
        return file;
    }

    private static int varintString(ByteBuffer file, int position, byte[] value) {
        int length = value.length;
        while (length >= 0x80) {
            file.put(position++, (byte) (length & 0x7f | 0x80));
            length >>>= 7;
        }
        file.put(position++, (byte) length);
        file.put(position, value);
        return position + value.length;
    }

    private static void putPointer(ByteBuffer file, int at, long value, int size) {
        if (size == 8) {
            file.putLong(at, value);
        } else {
            file.putInt(at, (int) value);
        }
    }
}
