package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of parsed IaC documents kept in an {@link IacSpool}: every node, key, label, line and scalar kind.
 * Numbers are written in 7-bit groups (lines, sizes and lengths mostly fit one or two bytes); a string is its
 * characters as bytes when they are all ASCII (most keys and values), else modified UTF-8, so that any UTF-16 text
 * (unpaired surrogates included) comes back as it was; a file's text may be kept as the UTF-8 bytes it was decoded
 * from. Written and read with plain array code: the data streams this replaced took a method handle per number and
 * a copy per string, a third of the spool's time under the client compiler.
 */
final class IacNodeCodec {

    private static final int SCALAR = 0;
    private static final int SEQUENCE = 1;
    private static final int MAPPING = 2;
    private static final IacNode.ScalarKind[] KINDS = IacNode.ScalarKind.values();
    /** A string whose characters are all below 0x80, one byte each. */
    private static final int ASCII = 0;
    /** A string in modified UTF-8 (as {@link java.io.DataOutput#writeUTF} writes it, without its length limit). */
    private static final int MODIFIED_UTF8 = 1;
    /** A text kept as the UTF-8 bytes it was decoded from (with replacement, as {@code new String(bytes, UTF_8)}). */
    private static final int UTF8_SOURCE = 2;

    private IacNodeCodec() {
    }

    /** A record being written: a growable byte array. */
    static final class Output {
        private byte[] buf;
        private int count;

        Output(int size) {
            buf = new byte[Math.max(16, size)];
        }

        private void ensure(int more) {
            if (more > buf.length - count) {
                long needed = (long) count + more;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("IaC spool record too large");
                }
                buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length)));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        /** A non-negative number in 7-bit groups, low group first. */
        void writeNumber(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative: " + value);
            }
            ensure(5);
            while (value >= 0x80) {
                buf[count++] = (byte) (value | 0x80);
                value >>>= 7;
            }
            buf[count++] = (byte) value;
        }

        void writeBytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }

    /** A record being read. */
    static final class Input {
        private final byte[] buf;
        private int position;

        Input(byte[] record) {
            this.buf = record;
        }

        int readByte() throws IOException {
            if (position >= buf.length) {
                throw new IOException("Damaged IaC spool record (truncated)");
            }
            return buf[position++];
        }

        int readNumber() throws IOException {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("Damaged IaC spool record (number)");
        }

        /** The place of the next {@code length} bytes, which are skipped. */
        int skip(int length) throws IOException {
            if (length < 0 || length > buf.length - position) {
                throw new IOException("Damaged IaC spool record (length " + length + ")");
            }
            int start = position;
            position += length;
            return start;
        }
    }

    /** Writes a string, or null. */
    static void writeString(Output out, String text) {
        if (text == null) {
            out.writeNumber(0);
            return;
        }
        int length = text.length();
        out.writeNumber(length + 1);
        out.ensure(length + 6);
        int kindAt = out.count++;
        out.writeNumber(length);
        int start = out.count;
        byte[] buf = out.buf;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                out.count = kindAt;
                writeModifiedUtf8(out, text);
                return;
            }
            buf[start + i] = (byte) c;
        }
        buf[kindAt] = ASCII;
        out.count = start + length;
    }

    /** The kind byte, the byte length and the modified UTF-8 of {@code text} (the character count is written). */
    private static void writeModifiedUtf8(Output out, String text) {
        int length = text.length();
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bytes += c >= 0x01 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        out.writeByte(MODIFIED_UTF8);
        out.writeNumber(bytes);
        out.ensure(bytes);
        byte[] buf = out.buf;
        int at = out.count;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                buf[at++] = (byte) c;
            } else if (c < 0x800) {
                buf[at++] = (byte) (0xC0 | c >> 6);
                buf[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                buf[at++] = (byte) (0xE0 | c >> 12);
                buf[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out.count = at;
    }

    /** Writes a text given as the UTF-8 bytes it decodes from ({@code new String(utf8, UTF_8)}), or null. */
    static void writeUtf8Text(Output out, byte[] utf8) {
        if (utf8 == null) {
            out.writeNumber(0);
            return;
        }
        out.writeNumber(1); // any non-null marker: the length is in the bytes' header below
        out.writeByte(UTF8_SOURCE);
        out.writeNumber(utf8.length);
        out.writeBytes(utf8);
    }

    static String readString(Input in) throws IOException {
        int marker = in.readNumber();
        if (marker == 0) {
            return null;
        }
        int kind = in.readByte();
        int byteLength = in.readNumber();
        int start = in.skip(byteLength);
        return switch (kind) {
            case ASCII -> new String(in.buf, start, byteLength, StandardCharsets.ISO_8859_1);
            case UTF8_SOURCE -> new String(in.buf, start, byteLength, StandardCharsets.UTF_8);
            case MODIFIED_UTF8 -> readModifiedUtf8(in.buf, start, byteLength, marker - 1);
            default -> throw new IOException("Damaged IaC spool record (string kind " + kind + ")");
        };
    }

    private static String readModifiedUtf8(byte[] buf, int start, int byteLength, int length) throws IOException {
        if (length > byteLength) {
            throw new IOException("Damaged IaC spool record (string)");
        }
        char[] chars = new char[length];
        int at = start;
        int end = start + byteLength;
        for (int i = 0; i < length; i++) {
            if (at >= end) {
                throw new IOException("Damaged IaC spool record (string)");
            }
            int b = buf[at++] & 0xFF;
            if (b < 0x80) {
                chars[i] = (char) b;
            } else if ((b & 0xE0) == 0xC0 && at < end) {
                chars[i] = (char) ((b & 0x1F) << 6 | buf[at++] & 0x3F);
            } else if ((b & 0xF0) == 0xE0 && at + 1 < end) {
                chars[i] = (char) ((b & 0x0F) << 12 | (buf[at++] & 0x3F) << 6 | buf[at++] & 0x3F);
            } else {
                throw new IOException("Damaged IaC spool record (string)");
            }
        }
        if (at != end) {
            throw new IOException("Damaged IaC spool record (string)");
        }
        return new String(chars);
    }

    /** Skips a string (or null) without decoding it. */
    static void skipString(Input in) throws IOException {
        if (in.readNumber() != 0) {
            in.readByte();
            in.skip(in.readNumber());
        }
    }

    static void writeNodes(Output out, List<IacNode> nodes) {
        out.writeNumber(nodes.size());
        for (IacNode node : nodes) {
            write(out, node);
        }
    }

    static List<IacNode> readNodes(Input in) throws IOException {
        int size = in.readNumber();
        List<IacNode> nodes = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            nodes.add(read(in));
        }
        return nodes;
    }

    static void writeBlocks(Output out, List<HclBlock> blocks) {
        out.writeNumber(blocks.size());
        for (HclBlock block : blocks) {
            writeString(out, block.type());
            out.writeNumber(block.labels().size());
            for (String label : block.labels()) {
                writeString(out, label);
            }
            out.writeNumber(block.line());
            write(out, block.body());
        }
    }

    static List<HclBlock> readBlocks(Input in) throws IOException {
        int size = in.readNumber();
        List<HclBlock> blocks = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            String type = readString(in);
            int labelCount = in.readNumber();
            List<String> labels = new ArrayList<>(Math.min(labelCount, 64));
            for (int j = 0; j < labelCount; j++) {
                labels.add(readString(in));
            }
            int line = in.readNumber();
            IacNode body = read(in);
            if (!(body instanceof IacNode.Mapping mapping)) {
                throw new IOException("Damaged IaC spool record (block body)");
            }
            blocks.add(new HclBlock(type, labels, line, mapping));
        }
        return blocks;
    }

    static void write(Output out, IacNode node) {
        switch (node) {
            case IacNode.Scalar scalar -> {
                out.writeByte(SCALAR);
                writeString(out, scalar.text());
                out.writeByte(scalar.kind().ordinal());
                out.writeNumber(scalar.line());
            }
            case IacNode.Sequence sequence -> {
                out.writeByte(SEQUENCE);
                out.writeNumber(sequence.line());
                writeNodes(out, sequence.items());
            }
            case IacNode.Mapping mapping -> {
                out.writeByte(MAPPING);
                out.writeNumber(mapping.line());
                out.writeNumber(mapping.entries().size());
                for (Map.Entry<String, IacNode> entry : mapping.entries().entrySet()) {
                    writeString(out, entry.getKey());
                    write(out, entry.getValue());
                }
            }
        }
    }

    static IacNode read(Input in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case SCALAR -> {
                String text = readString(in);
                int kind = in.readByte();
                if (kind < 0 || kind >= KINDS.length) {
                    throw new IOException("Damaged IaC spool record (scalar kind " + kind + ")");
                }
                return new IacNode.Scalar(text, KINDS[kind], in.readNumber());
            }
            case SEQUENCE -> {
                int line = in.readNumber();
                return new IacNode.Sequence(readNodes(in), line);
            }
            case MAPPING -> {
                int line = in.readNumber();
                int size = in.readNumber();
                LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>(Math.max(4, Math.min(size, 1 << 16) * 4 / 3 + 1));
                for (int i = 0; i < size; i++) {
                    String key = readString(in);
                    entries.put(key, read(in));
                }
                return IacNode.Mapping.owning(entries, line);
            }
            default -> throw new IOException("Damaged IaC spool record (node tag " + tag + ")");
        }
    }
}
