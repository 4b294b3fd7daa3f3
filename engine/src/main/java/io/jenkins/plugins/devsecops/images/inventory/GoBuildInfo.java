package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build information the Go linker embeds in every binary built with module support (what
 * {@code go version -m} prints and {@code runtime/debug.BuildInfo} holds), read from an ELF file held in memory.
 * Written from the format's description: a 32-byte header aligned to 16 bytes, starting {@code "\xff Go buildinf:"},
 * then the pointer size and a flags byte (bit 0: big-endian, bit 1: strings inline). Go 1.18 and later put the Go
 * version and the module text right after the header, each as a uvarint length and its bytes; older linkers put two
 * pointers there, to Go string headers (data pointer, length) that the ELF program headers map back to file
 * offsets. The module text has lines {@code path}, {@code mod}, {@code dep} and {@code =>} (a replacement of the
 * line before), tab-separated, wrapped in two 16-byte sentinels. Every offset and length is checked.
 *
 * @param goVersion e.g. {@code go1.21.5}
 * @param modules the module text (without its sentinels)
 */
record GoBuildInfo(String goVersion, String modules) {

    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER = 32;
    private static final int MAX_STRING = 4 << 20;

    /** A module the binary was built with. */
    record Module(String path, String version) {
    }

    /**
     * The build information of {@code binary}, or {@code null} when it has none (not a Go binary, or built without
     * module support).
     *
     * @throws IOException when the build information is there but corrupt
     */
    static GoBuildInfo read(byte[] binary) throws IOException {
        int header = find(binary);
        if (header < 0) {
            return null;
        }
        int pointerSize = binary[header + 14];
        int flags = binary[header + 15];
        ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String version;
        String modules;
        if ((flags & 2) != 0) {
            int[] position = {header + HEADER};
            version = inline(binary, position);
            modules = inline(binary, position);
        } else {
            if (pointerSize != 4 && pointerSize != 8) {
                throw new IOException("Go build info: pointer size " + pointerSize);
            }
            Elf elf = Elf.of(binary);
            ByteBuffer buffer = ByteBuffer.wrap(binary).order(order);
            version = elf.goString(buffer, pointer(buffer, header + 16, pointerSize), pointerSize);
            modules = elf.goString(buffer, pointer(buffer, header + 16 + pointerSize, pointerSize), pointerSize);
        }
        if (!version.startsWith("go")) {
            throw new IOException("Go build info: version '" + abbreviate(version) + "' does not start with go");
        }
        // the module text is wrapped in two 16-byte sentinels
        if (modules.length() >= 33 && modules.charAt(modules.length() - 17) == '\n') {
            modules = modules.substring(16, modules.length() - 16);
        }
        return new GoBuildInfo(version, modules);
    }

    /** Parses the text form {@link #text()} writes. */
    static GoBuildInfo parse(String text) {
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return new GoBuildInfo(first.startsWith("go\t") ? first.substring(3) : "", newline < 0 ? ""
                : text.substring(newline + 1));
    }

    /** A compact form to keep instead of the binary: {@code go<TAB>version}, then the module text. */
    String text() {
        return "go\t" + goVersion + "\n" + modules;
    }

    /** The main module's path, or {@code null}. */
    String mainPath() {
        for (String line : modules.split("\n")) {
            if (line.startsWith("path\t")) {
                return line.substring(5).strip();
            }
        }
        return null;
    }

    /**
     * The modules with a version: the main module when it was built at a version ({@code go install m@v1.2.3}),
     * every dependency with its replacement applied ({@code =>} lines; a replacement by a local directory has no
     * version and is left out), and the standard library as {@code stdlib} at the Go version.
     */
    List<Module> versionedModules() {
        Map<String, Module> result = new LinkedHashMap<>();
        String last = null;
        for (String line : modules.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                continue;
            }
            switch (fields[0]) {
                case "mod", "dep" -> {
                    last = fields[1];
                    if (fields.length >= 3 && isVersion(fields[2])) {
                        result.put(fields[1], new Module(fields[1], fields[2]));
                    }
                }
                case "=>" -> {
                    if (last != null) {
                        result.remove(last);
                        if (fields.length >= 3 && isVersion(fields[2])) {
                            result.put(last, new Module(fields[1], fields[2]));
                        }
                    }
                }
                default -> last = null;
            }
        }
        List<Module> list = new ArrayList<>(result.values());
        String stdlib = stdlibVersion(goVersion);
        if (stdlib != null) {
            list.add(new Module("stdlib", stdlib));
        }
        return list;
    }

    /** {@code go1.21.5} → {@code 1.21.5}; {@code go1.22.1 X:boringcrypto} → {@code 1.22.1}; devel builds → null. */
    static String stdlibVersion(String goVersion) {
        String version = goVersion.strip();
        int space = version.indexOf(' ');
        if (space > 0) {
            version = version.substring(0, space);
        }
        if (!version.startsWith("go") || version.length() < 3 || !Character.isDigit(version.charAt(2))) {
            return null;
        }
        version = version.substring(2);
        // pre-releases (go1.21rc2) are kept as written; the ordering compares them
        return version.matches("[0-9]+(\\.[0-9]+)*([a-z]+[0-9]*)?") ? version : null;
    }

    private static boolean isVersion(String version) {
        return version.startsWith("v") && !version.equals("(devel)");
    }

    static Ecosystem ecosystem() {
        return Ecosystem.GO;
    }

    private static int find(byte[] binary) {
        outer:
        for (int i = 0; i + HEADER <= binary.length; i += 16) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (binary[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String inline(byte[] binary, int[] position) throws IOException {
        long length = 0;
        int shift = 0;
        while (true) {
            if (position[0] >= binary.length || shift > 35) {
                throw new IOException("Go build info: truncated length");
            }
            int b = binary[position[0]++] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (length > MAX_STRING || position[0] + length > binary.length) {
            throw new IOException("Go build info: a string of " + length + " bytes runs past the file");
        }
        String value = new String(binary, position[0], (int) length, StandardCharsets.UTF_8);
        position[0] += (int) length;
        return value;
    }

    private static long pointer(ByteBuffer buffer, int offset, int size) throws IOException {
        if (offset + size > buffer.capacity()) {
            throw new IOException("Go build info: truncated header");
        }
        return size == 8 ? buffer.getLong(offset) : buffer.getInt(offset) & 0xffffffffL;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    /** The loadable segments of an ELF file: enough to map a virtual address to a file offset. */
    private record Elf(long[] virtualAddresses, long[] offsets, long[] sizes) {

        static Elf of(byte[] binary) throws IOException {
            if (binary.length < 52 || binary[0] != 0x7f || binary[1] != 'E' || binary[2] != 'L' || binary[3] != 'F') {
                throw new IOException("Go build info in the pointer format outside an ELF file");
            }
            boolean wide = binary[4] == 2;
            ByteBuffer elf = ByteBuffer.wrap(binary).order(binary[5] == 2 ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN);
            long table = wide ? elf.getLong(0x20) : elf.getInt(0x1c) & 0xffffffffL;
            int entrySize = elf.getShort(wide ? 0x36 : 0x2a) & 0xffff;
            int count = elf.getShort(wide ? 0x38 : 0x2c) & 0xffff;
            if (entrySize < (wide ? 56 : 32) || table < 0 || table + (long) entrySize * count > binary.length) {
                throw new IOException("ELF program headers out of bounds");
            }
            List<long[]> loads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = (int) (table + (long) i * entrySize);
                if (elf.getInt(at) != 1) { // PT_LOAD
                    continue;
                }
                long offset = wide ? elf.getLong(at + 8) : elf.getInt(at + 4) & 0xffffffffL;
                long address = wide ? elf.getLong(at + 16) : elf.getInt(at + 8) & 0xffffffffL;
                long size = wide ? elf.getLong(at + 32) : elf.getInt(at + 16) & 0xffffffffL;
                loads.add(new long[] {address, offset, size});
            }
            return new Elf(loads.stream().mapToLong(l -> l[0]).toArray(), loads.stream().mapToLong(l -> l[1]).toArray(),
                    loads.stream().mapToLong(l -> l[2]).toArray());
        }

        /** The file offset of {@code length} bytes at virtual {@code address}. */
        int offset(long address, long length, int fileLength) throws IOException {
            for (int i = 0; i < virtualAddresses.length; i++) {
                long from = virtualAddresses[i];
                if (Long.compareUnsigned(address, from) >= 0 && address - from <= sizes[i] && length >= 0
                        && address - from + length <= sizes[i]) {
                    long offset = offsets[i] + (address - from);
                    if (offset >= 0 && offset + length <= fileLength) {
                        return (int) offset;
                    }
                }
            }
            throw new IOException("Go build info: address 0x" + Long.toHexString(address) + " is not in the file");
        }

        /** The Go string whose header (data pointer, length) is at virtual {@code address}. */
        String goString(ByteBuffer buffer, long address, int pointerSize) throws IOException {
            int header = offset(address, 2L * pointerSize, buffer.capacity());
            long data = pointer(buffer, header, pointerSize);
            long length = pointer(buffer, header + pointerSize, pointerSize);
            if (length < 0 || length > MAX_STRING) {
                throw new IOException("Go build info: a string of " + length + " bytes");
            }
            int at = offset(data, length, buffer.capacity());
            return new String(buffer.array(), at, (int) length, StandardCharsets.UTF_8);
        }
    }
}
