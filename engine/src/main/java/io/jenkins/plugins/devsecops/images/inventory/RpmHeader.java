package io.jenkins.plugins.devsecops.images.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the package of one rpm header blob as rpm databases store it (no lead, no magic): {@code il} index entries
 * of 16 bytes (tag, type, offset, count) and {@code dl} bytes of data, big-endian. Name, epoch, version, release,
 * architecture, source RPM and the file list ({@code DIRNAMES}/{@code BASENAMES}/{@code DIRINDEXES}) are read;
 * every count and offset is checked against the blob.
 */
final class RpmHeader {

    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int SOURCERPM = 1044;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;

    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;

    private final byte[] blob;
    private final int entries;
    private final int dataStart;
    private final int dataLength;

    private RpmHeader(byte[] blob) throws IOException {
        this.blob = blob;
        if (blob.length < 8) {
            throw new IOException("rpm header too short");
        }
        entries = int32(0);
        dataLength = int32(4);
        dataStart = 8 + 16 * entries;
        if (entries < 1 || entries > 100_000 || dataLength < 0 || (long) dataStart + dataLength > blob.length) {
            throw new IOException("corrupt rpm header (" + entries + " entries, " + dataLength + " data bytes)");
        }
    }

    /** The package of a header blob, or {@code null} when it has no name or version (e.g. a gpg-pubkey entry). */
    static PackageRecord read(byte[] blob) throws IOException {
        RpmHeader header = new RpmHeader(blob);
        String name = header.string(NAME);
        String version = header.string(VERSION);
        if (name == null || version == null || name.equals("gpg-pubkey")) {
            return null;
        }
        String release = header.string(RELEASE);
        List<Integer> epoch = header.ints(EPOCH);
        String evr = (epoch.isEmpty() || epoch.get(0) == 0 ? "" : epoch.get(0) + ":") + version
                + (release == null ? "" : "-" + release);
        String sourceRpm = header.string(SOURCERPM);
        List<String> files = new ArrayList<>();
        List<String> directories = header.strings(DIRNAMES);
        List<String> basenames = header.strings(BASENAMES);
        List<Integer> indexes = header.ints(DIRINDEXES);
        for (int i = 0; i < basenames.size() && i < indexes.size(); i++) {
            int index = indexes.get(i);
            if (index >= 0 && index < directories.size()) {
                String path = directories.get(index) + basenames.get(i);
                files.add(path.startsWith("/") ? path.substring(1) : path);
            }
        }
        return new PackageRecord(name, evr, sourceName(sourceRpm), null, header.string(ARCH), files);
    }

    /** {@code openssl} of {@code openssl-3.0.7-27.el9.src.rpm}. */
    static String sourceName(String sourceRpm) {
        if (sourceRpm == null || sourceRpm.isBlank()) {
            return null;
        }
        String text = sourceRpm.endsWith(".rpm") ? sourceRpm.substring(0, sourceRpm.length() - 4) : sourceRpm;
        text = text.endsWith(".src") || text.endsWith(".nosrc") ? text.substring(0, text.lastIndexOf('.')) : text;
        for (int i = 0; i < 2; i++) {
            int dash = text.lastIndexOf('-');
            if (dash <= 0) {
                return null;
            }
            text = text.substring(0, dash);
        }
        return text;
    }

    private int find(int tag) throws IOException {
        for (int i = 0; i < entries; i++) {
            if (int32(8 + 16 * i) == tag) {
                return 8 + 16 * i;
            }
        }
        return -1;
    }

    private String string(int tag) throws IOException {
        List<String> values = strings(tag);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<String> strings(int tag) throws IOException {
        int entry = find(tag);
        if (entry < 0) {
            return List.of();
        }
        int type = int32(entry + 4);
        if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
            return List.of();
        }
        int offset = dataStart + int32(entry + 8);
        int count = type == TYPE_STRING ? 1 : int32(entry + 12);
        if (count < 0 || count > dataLength || offset < dataStart || offset > dataStart + dataLength) {
            throw new IOException("corrupt rpm header entry " + tag);
        }
        List<String> values = new ArrayList<>(count);
        int end = dataStart + dataLength;
        for (int i = 0; i < count; i++) {
            int zero = offset;
            while (zero < end && blob[zero] != 0) {
                zero++;
            }
            if (zero >= end) {
                throw new IOException("unterminated string in rpm header entry " + tag);
            }
            values.add(new String(blob, offset, zero - offset, StandardCharsets.UTF_8));
            offset = zero + 1;
        }
        return values;
    }

    private List<Integer> ints(int tag) throws IOException {
        int entry = find(tag);
        if (entry < 0 || int32(entry + 4) != TYPE_INT32) {
            return List.of();
        }
        int offset = dataStart + int32(entry + 8);
        int count = int32(entry + 12);
        if (count < 0 || offset < dataStart || (long) offset + 4L * count > dataStart + dataLength) {
            throw new IOException("corrupt rpm header entry " + tag);
        }
        List<Integer> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(int32(offset + 4 * i));
        }
        return values;
    }

    private int int32(int offset) throws IOException {
        if (offset < 0 || offset + 4 > blob.length) {
            throw new IOException("corrupt rpm header (offset past the end)");
        }
        return (blob[offset] & 0xff) << 24 | (blob[offset + 1] & 0xff) << 16 | (blob[offset + 2] & 0xff) << 8
                | blob[offset + 3] & 0xff;
    }
}
