package io.jenkins.plugins.devsecops.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compact binary form of one {@link Finding}, for findings spilled to disk while a scan runs
 * ({@link FindingList}). Every field is kept, so that decoding gives a finding equal to the one encoded. Text is
 * stored as modified UTF-8 (every UTF-16 code unit, lone surrogates included, comes back as it was). The format is
 * private to one process: it is never read by another version of the engine.
 */
final class FindingCodec {

    private static final Severity[] SEVERITIES = Severity.values();
    private static final Confidence[] CONFIDENCES = Confidence.values();

    private FindingCodec() {
    }

    /** Appends the record of {@code finding} to {@code out}. */
    static void encode(Finding finding, Output out) {
        out.string(finding.ruleId());
        out.string(finding.stage());
        out.writeByte(finding.severity().ordinal());
        out.string(finding.title());
        out.string(finding.message());
        Location location = finding.location();
        out.writeByte(location == null ? 0 : 1);
        if (location != null) {
            location(location, out);
        }
        Component component = finding.component();
        out.writeByte(component == null ? 0 : 1);
        if (component != null) {
            out.string(component.purl());
            out.string(component.name());
            out.string(component.version());
            out.string(component.ecosystem());
            out.writeByte(component.direct() == null ? 2 : component.direct() ? 1 : 0);
            out.strings(component.dependencyPath());
            out.map(component.hashes());
            out.strings(component.dependsOn());
            out.string(component.scope());
            out.string(component.sourceFile());
            out.map(component.properties());
        }
        out.strings(finding.identifiers());
        out.strings(finding.cwes());
        Cvss cvss = finding.cvss();
        out.writeByte(cvss == null ? 0 : 1);
        if (cvss != null) {
            out.string(cvss.version());
            out.writeLong(Double.doubleToRawLongBits(cvss.score()));
            out.string(cvss.vector());
        }
        out.string(finding.remediation());
        out.string(finding.fixedVersion());
        out.writeByte(finding.confidence().ordinal());
        out.writeInt(finding.tools().size());
        for (ToolInfo tool : finding.tools()) {
            out.string(tool.name());
            out.string(tool.version());
        }
        out.string(finding.fingerprint());
        out.map(finding.properties());
        Suppression suppression = finding.suppression();
        out.writeByte(suppression == null ? 0 : 1);
        if (suppression != null) {
            out.string(suppression.kind());
            out.string(suppression.reason());
            out.string(suppression.owner());
            out.writeByte(suppression.expires() == null ? 0 : 1);
            if (suppression.expires() != null) {
                out.writeLong(suppression.expires().toEpochDay());
            }
            out.string(suppression.source());
        }
        out.writeInt(finding.trace().size());
        for (TraceStep step : finding.trace()) {
            location(step.location(), out);
            out.string(step.message());
        }
    }

    private static void location(Location location, Output out) {
        out.string(location.path());
        out.writeInt(location.startLine());
        out.writeInt(location.startColumn());
        out.writeInt(location.endLine());
        out.writeInt(location.endColumn());
        out.string(location.snippet());
    }

    private static Location location(Input in) {
        return new Location(in.string(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.string());
    }

    /** Reads one record written by {@link #encode}. */
    static Finding decode(Input in) {
        String ruleId = in.string();
        String stage = in.string();
        Severity severity = SEVERITIES[in.readByte()];
        String title = in.string();
        String message = in.string();
        Location location = null;
        if (in.readByte() != 0) {
            location = location(in);
        }
        Component component = null;
        if (in.readByte() != 0) {
            String purl = in.string();
            String name = in.string();
            String version = in.string();
            String ecosystem = in.string();
            int direct = in.readByte();
            List<String> dependencyPath = in.strings();
            Map<String, String> hashes = in.map();
            List<String> dependsOn = in.strings();
            String scope = in.string();
            String sourceFile = in.string();
            component = new Component(purl, name, version, ecosystem, direct == 2 ? null : direct == 1,
                    dependencyPath, hashes, dependsOn, scope, sourceFile, in.map());
        }
        List<String> identifiers = in.strings();
        List<String> cwes = in.strings();
        Cvss cvss = null;
        if (in.readByte() != 0) {
            cvss = new Cvss(in.string(), Double.longBitsToDouble(in.readLong()), in.string());
        }
        String remediation = in.string();
        String fixedVersion = in.string();
        Confidence confidence = CONFIDENCES[in.readByte()];
        int toolCount = in.readInt();
        List<ToolInfo> tools;
        if (toolCount == 1) {
            tools = List.of(new ToolInfo(in.string(), in.string()));
        } else {
            tools = new ArrayList<>(toolCount);
            for (int i = 0; i < toolCount; i++) {
                tools.add(new ToolInfo(in.string(), in.string()));
            }
        }
        String fingerprint = in.string();
        Map<String, String> properties = in.map();
        Suppression suppression = null;
        if (in.readByte() != 0) {
            String kind = in.string();
            String reason = in.string();
            String owner = in.string();
            LocalDate expires = in.readByte() == 0 ? null : LocalDate.ofEpochDay(in.readLong());
            suppression = new Suppression(kind, reason, owner, expires, in.string());
        }
        int steps = in.readInt();
        List<TraceStep> trace = List.of();
        if (steps > 0) {
            trace = new ArrayList<>(steps);
            for (int i = 0; i < steps; i++) {
                trace.add(new TraceStep(location(in), in.string()));
            }
        }
        return new Finding(ruleId, stage, severity, title, message, location, component, identifiers, cwes, cvss,
                remediation, fixedVersion, confidence, tools, fingerprint, properties, suppression, trace);
    }

    /**
     * Moves {@code in} from the start of a record to its fingerprint, skipping the fields before it without decoding
     * them (the order is {@link #encode}'s).
     */
    static void skipToFingerprint(Input in) {
        in.skipString(); // rule id
        in.skipString(); // stage
        in.readByte(); // severity
        in.skipString(); // title
        in.skipString(); // message
        if (in.readByte() != 0) {
            skipLocation(in);
        }
        skipComponentToFingerprint(in);
    }

    /**
     * The head of the record at {@code from} in {@code bytes} (see {@link FindingHead}): its leading fields and its
     * fingerprint read, the fields between skipped without decoding them.
     */
    static FindingHead head(byte[] bytes, int from, Input in) {
        in.reset(bytes, from);
        String ruleId = in.string();
        String stage = in.string();
        Severity severity = SEVERITIES[in.readByte()];
        in.skipString(); // title
        in.skipString(); // message
        String path = null;
        int startLine = 0;
        if (in.readByte() != 0) {
            path = in.string();
            startLine = in.readInt();
            in.readInt(); // start column
            in.readLong(); // end line and column
            in.skipString(); // snippet
        }
        boolean hasComponent = bytes[in.position()] != 0;
        skipComponentToFingerprint(in);
        return new FindingHead(ruleId, stage, severity, path, startLine, hasComponent, in.string());
    }

    /** Moves {@code in} from a record's component flag to its fingerprint. */
    private static void skipComponentToFingerprint(Input in) {
        if (in.readByte() != 0) {
            for (int i = 0; i < 4; i++) {
                in.skipString(); // purl, name, version, ecosystem
            }
            in.readByte(); // direct
            in.skipStrings(); // dependency path
            in.skipMap(); // hashes
            in.skipStrings(); // depends on
            in.skipString(); // scope
            in.skipString(); // source file
            in.skipMap(); // properties
        }
        in.skipStrings(); // identifiers
        in.skipStrings(); // cwes
        if (in.readByte() != 0) {
            in.skipString(); // version
            in.readLong(); // score
            in.skipString(); // vector
        }
        in.skipString(); // remediation
        in.skipString(); // fixed version
        in.readByte(); // confidence
        int tools = in.readInt();
        for (int i = 0; i < tools; i++) {
            in.skipString();
            in.skipString();
        }
    }

    /** The fingerprint of the record at {@code from} in {@code bytes}, read without decoding the rest. */
    static String fingerprint(byte[] bytes, int from, Input in) {
        in.reset(bytes, from);
        skipToFingerprint(in);
        return in.string();
    }

    private static void skipLocation(Input in) {
        in.skipString();
        in.readLong();
        in.readLong();
        in.skipString();
    }

    /**
     * Writes to {@code out} the record of {@code length} bytes at {@code from} in {@code bytes} with
     * {@code properties} put into the finding's properties (replacing values of the same keys): the bytes
     * {@link #encode} gives for the decoded finding with those properties added, without decoding the rest of it.
     */
    static void withProperties(byte[] bytes, int from, int length, Input in, Map<String, String> properties,
            Output out) {
        in.reset(bytes, from);
        skipToFingerprint(in);
        in.skipString();
        int mapStart = in.position();
        // the stored entries: keys decoded (to place the new ones), each entry's bytes copied as they are
        int count = in.readInt();
        String[] keys = new String[count];
        int[] starts = new int[count + 1];
        boolean sorted = true;
        for (int i = 0; i < count; i++) {
            starts[i] = in.position();
            keys[i] = in.string();
            in.skipString();
            sorted &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
        }
        int mapEnd = in.position();
        starts[count] = mapEnd;
        TreeMap<String, String> added = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key != null && value != null) {
                added.put(key, value);
            }
        });
        out.reset();
        out.writeBytes(bytes, from, mapStart - from);
        if (!sorted) {
            in.reset(bytes, mapStart);
            Map<String, String> merged = new TreeMap<>(in.map());
            merged.putAll(added);
            out.map(merged);
        } else {
            int replaced = 0;
            for (int i = 0; i < count; i++) {
                if (added.containsKey(keys[i])) {
                    replaced++;
                }
            }
            out.writeInt(count - replaced + added.size());
            int i = 0;
            for (Map.Entry<String, String> entry : added.entrySet()) {
                for (; i < count && keys[i].compareTo(entry.getKey()) <= 0; i++) {
                    if (!keys[i].equals(entry.getKey())) {
                        out.writeBytes(bytes, starts[i], starts[i + 1] - starts[i]);
                    }
                }
                out.string(entry.getKey());
                out.string(entry.getValue());
            }
            out.writeBytes(bytes, starts[i], mapEnd - starts[i]);
        }
        out.writeBytes(bytes, mapEnd, from + length - mapEnd);
    }

    /** A growable byte buffer records are encoded into. Not thread-safe. */
    static final class Output {
        private byte[] bytes = new byte[1024];
        private int size;

        int size() {
            return size;
        }

        byte[] bytes() {
            return bytes;
        }

        void reset() {
            size = 0;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void writeBytes(byte[] from, int offset, int length) {
            room(length);
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        /**
         * A string as a header, then its characters: {@code -1} for null; for text of ASCII characters other than
         * NUL only, {@code -2 - length} and one byte a character (so that decoding neither scans nor converts it);
         * else its length in UTF-16 units, then modified UTF-8.
         */
        void string(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            int length = value.length();
            int header = size;
            writeInt(length);
            room(length * 3);
            boolean ascii = true;
            // the buffer and the position in locals: the client compiler keeps them in registers, not a field
            byte[] out = bytes;
            int at = size;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 1 && c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    ascii = false;
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    ascii = false;
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            size = at;
            if (ascii && length > 0) {
                int end = size;
                size = header;
                writeInt(-2 - length);
                size = end;
            }
        }

        void strings(List<String> values) {
            writeInt(values.size());
            values.forEach(this::string);
        }

        void map(Map<String, String> values) {
            writeInt(values.size());
            values.forEach((key, value) -> {
                string(key);
                string(value);
            });
        }
    }

    /**
     * Reads records from a byte array. Not thread-safe. Short ASCII strings read again are shared (see
     * {@link #repeated}): findings decoded by one input share their repeated texts, as findings built by a stage do.
     */
    static final class Input {
        private static final int REPEATED_SLOTS = 512;
        private static final int MAX_REPEATED_LENGTH = 256;

        private byte[] bytes;
        private int position;
        private char[] chars = new char[256];
        private String[] repeatedStrings;
        private byte[][] repeatedBytes;

        Input(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        void reset(byte[] newBytes, int newPosition) {
            bytes = newBytes;
            position = newPosition;
        }

        int position() {
            return position;
        }

        int readByte() {
            return bytes[position++];
        }

        int readInt() {
            int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                    | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
            position += 4;
            return value;
        }

        long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xFFFF_FFFFL);
        }

        String string() {
            int header = readInt();
            if (header >= 0) {
                return header == 0 ? "" : decodeModifiedUtf8(header);
            }
            if (header == -1) {
                return null;
            }
            int length = -2 - header;
            int start = position;
            position += length;
            if (length > MAX_REPEATED_LENGTH) {
                return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
            }
            return repeated(start, length);
        }

        /**
         * The string of the ASCII bytes at {@code start}: the instance decoded last time when these bytes were
         * read before (rule ids, stages, paths, titles, remediations repeat from finding to finding), so that no
         * copy is made and the string's hash code is computed once.
         */
        private String repeated(int start, int length) {
            if (repeatedStrings == null) {
                repeatedStrings = new String[REPEATED_SLOTS];
                repeatedBytes = new byte[REPEATED_SLOTS][];
            }
            // a slot from the length and a few bytes (ends and middle): no loop over every byte; a collision only
            // costs a miss, the bytes are compared before a string is shared
            int last = start + length - 1;
            int hash = length * 31 + bytes[start];
            hash = hash * 31 + bytes[last];
            hash = hash * 31 + bytes[start + (length >>> 1)];
            hash = hash * 31 + bytes[last - (length >>> 2)];
            hash = hash * 31 + bytes[start + (length >>> 2)];
            hash = hash * 31 + bytes[Math.max(start, last - 1)];
            hash = hash * 31 + bytes[Math.max(start, last - 2)];
            int slot = (hash ^ (hash >>> 9) ^ (hash >>> 17)) & (REPEATED_SLOTS - 1);
            byte[] known = repeatedBytes[slot];
            if (known != null && Arrays.equals(known, 0, known.length, bytes, start, start + length)) {
                return repeatedStrings[slot];
            }
            String value = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
            repeatedBytes[slot] = Arrays.copyOfRange(bytes, start, start + length);
            repeatedStrings[slot] = value;
            return value;
        }

        private String decodeModifiedUtf8(int length) {
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                int b = bytes[position++] & 0xFF;
                if (b < 0x80) {
                    chars[i] = (char) b;
                } else if ((b & 0xE0) == 0xC0) {
                    chars[i] = (char) (((b & 0x1F) << 6) | (bytes[position++] & 0x3F));
                } else {
                    chars[i] = (char) (((b & 0x0F) << 12) | ((bytes[position] & 0x3F) << 6)
                            | (bytes[position + 1] & 0x3F));
                    position += 2;
                }
            }
            return new String(chars, 0, length);
        }

        /** Moves past a string written by {@link Output#string} without decoding it. */
        void skipString() {
            int header = readInt();
            if (header <= -2) {
                position += -2 - header;
                return;
            }
            for (int i = 0; i < header; i++) {
                int b = bytes[position] & 0xFF;
                position += b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : 3;
            }
        }

        void skipStrings() {
            int count = readInt();
            for (int i = 0; i < count; i++) {
                skipString();
            }
        }

        void skipMap() {
            int count = readInt();
            for (int i = 0; i < 2 * count; i++) {
                skipString();
            }
        }

        List<String> strings() {
            int count = readInt();
            if (count == 0) {
                return List.of();
            }
            if (count == 1) {
                return List.of(string());
            }
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        Map<String, String> map() {
            int count = readInt();
            if (count == 0) {
                return Map.of();
            }
            // encoded from a map sorted by key (every map of a finding is): handed over as a sorted map, so that the
            // finding (or component) builds its own copy in one pass, without a map built entry by entry here first
            String[] keys = new String[count];
            String[] values = new String[count];
            boolean sorted = true;
            for (int i = 0; i < count; i++) {
                keys[i] = string();
                values[i] = string();
                sorted &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
            }
            if (!sorted) {
                Map<String, String> map = new TreeMap<>();
                for (int i = 0; i < count; i++) {
                    map.put(keys[i], values[i]);
                }
                return map;
            }
            return new SortedEntries(keys, values);
        }
    }

    /**
     * The entries of a decoded map, already sorted by key, as a read-only {@link SortedMap} with the keys' natural
     * order: {@code new TreeMap<>(entries)} builds from it in one pass. Only handed to the constructors of
     * {@link Finding} and {@link Component}, which copy it; it supports what such a copy reads.
     */
    private static final class SortedEntries extends AbstractMap<String, String> implements SortedMap<String, String> {
        private final String[] keys;
        private final String[] values;

        SortedEntries(String[] keys, String[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        private SortedMap<String, String> copy() {
            return new TreeMap<>(this);
        }

        @Override
        public SortedMap<String, String> subMap(String fromKey, String toKey) {
            return copy().subMap(fromKey, toKey);
        }

        @Override
        public SortedMap<String, String> headMap(String toKey) {
            return copy().headMap(toKey);
        }

        @Override
        public SortedMap<String, String> tailMap(String fromKey) {
            return copy().tailMap(fromKey);
        }

        @Override
        public String firstKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[0];
        }

        @Override
        public String lastKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[keys.length - 1];
        }
    }
}
