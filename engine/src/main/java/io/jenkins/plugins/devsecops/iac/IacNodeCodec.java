package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of parsed IaC documents kept in an {@link IacSpool}: every node, key, label, line and scalar kind,
 * with strings in modified UTF-8 so that any UTF-16 text (unpaired surrogates included) comes back as it was. Decoding
 * is a walk over the bytes, much cheaper than parsing the source again.
 */
final class IacNodeCodec {

    private static final int SCALAR = 0;
    private static final int SEQUENCE = 1;
    private static final int MAPPING = 2;
    private static final IacNode.ScalarKind[] KINDS = IacNode.ScalarKind.values();
    /** Characters per {@code writeUTF} piece: at most 3 bytes each, under its 65,535-byte limit. */
    private static final int PIECE = 16 * 1024;

    private IacNodeCodec() {
    }

    static void writeString(DataOutput out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(text.length());
        for (int start = 0; start < text.length(); start += PIECE) {
            out.writeUTF(text.substring(start, Math.min(text.length(), start + PIECE)));
        }
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length == 0) {
            return "";
        }
        if (length <= PIECE) {
            return in.readUTF();
        }
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(in.readUTF());
        }
        return text.toString();
    }

    static void writeNodes(DataOutput out, List<IacNode> nodes) throws IOException {
        out.writeInt(nodes.size());
        for (IacNode node : nodes) {
            write(out, node);
        }
    }

    static List<IacNode> readNodes(DataInput in) throws IOException {
        int size = in.readInt();
        List<IacNode> nodes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            nodes.add(read(in));
        }
        return nodes;
    }

    static void writeBlocks(DataOutput out, List<HclBlock> blocks) throws IOException {
        out.writeInt(blocks.size());
        for (HclBlock block : blocks) {
            writeString(out, block.type());
            out.writeInt(block.labels().size());
            for (String label : block.labels()) {
                writeString(out, label);
            }
            out.writeInt(block.line());
            write(out, block.body());
        }
    }

    static List<HclBlock> readBlocks(DataInput in) throws IOException {
        int size = in.readInt();
        List<HclBlock> blocks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String type = readString(in);
            int labelCount = in.readInt();
            List<String> labels = new ArrayList<>(labelCount);
            for (int j = 0; j < labelCount; j++) {
                labels.add(readString(in));
            }
            int line = in.readInt();
            blocks.add(new HclBlock(type, labels, line, (IacNode.Mapping) read(in)));
        }
        return blocks;
    }

    static void write(DataOutput out, IacNode node) throws IOException {
        switch (node) {
            case IacNode.Scalar scalar -> {
                out.writeByte(SCALAR);
                writeString(out, scalar.text());
                out.writeByte(scalar.kind().ordinal());
                out.writeInt(scalar.line());
            }
            case IacNode.Sequence sequence -> {
                out.writeByte(SEQUENCE);
                out.writeInt(sequence.line());
                writeNodes(out, sequence.items());
            }
            case IacNode.Mapping mapping -> {
                out.writeByte(MAPPING);
                out.writeInt(mapping.line());
                out.writeInt(mapping.entries().size());
                for (Map.Entry<String, IacNode> entry : mapping.entries().entrySet()) {
                    writeString(out, entry.getKey());
                    write(out, entry.getValue());
                }
            }
        }
    }

    static IacNode read(DataInput in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case SCALAR -> {
                String text = readString(in);
                IacNode.ScalarKind kind = KINDS[in.readByte()];
                return new IacNode.Scalar(text, kind, in.readInt());
            }
            case SEQUENCE -> {
                int line = in.readInt();
                return new IacNode.Sequence(readNodes(in), line);
            }
            case MAPPING -> {
                int line = in.readInt();
                int size = in.readInt();
                Map<String, IacNode> entries = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
                for (int i = 0; i < size; i++) {
                    String key = readString(in);
                    entries.put(key, read(in));
                }
                return new IacNode.Mapping(entries, line);
            }
            default -> throw new IOException("Damaged IaC spool record (node tag " + tag + ")");
        }
    }
}
