package io.jenkins.plugins.devsecops.images.layer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Layer analyses kept on the agent by layer digest: a layer shared by many images (a base image) is decompressed
 * once. Only layers read completely and whose content matched their digest are stored, so a forged digest cannot
 * plant an analysis for a real layer. Entries are written to a temporary file and moved into place atomically; an
 * unreadable entry is ignored (and rewritten).
 */
public final class LayerCache {

    /** Bumped whenever what is kept of a layer changes. */
    static final int FORMAT = 2;

    private final Path directory;

    public LayerCache(Path directory) {
        this.directory = directory;
    }

    /** The default directory: under the system temporary directory. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "devsecops-image-layers");
    }

    /** The cached analysis of {@code digest}, if any. */
    public Optional<LayerContents> load(String digest) {
        Path file = file(digest);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file)), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(digest)) {
                return Optional.empty();
            }
            long bytes = in.readLong();
            int count = in.readInt();
            List<LayerEntry> entries = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                LayerEntry.Type type = LayerEntry.Type.values()[in.readByte()];
                String link = in.readBoolean() ? in.readUTF() : null;
                long size = in.readLong();
                int length = in.readInt();
                byte[] content = length < 0 ? null : in.readNBytes(length);
                int extractLength = in.readInt();
                byte[] extract = extractLength < 0 ? null : in.readNBytes(extractLength);
                entries.add(new LayerEntry(path, type, link, size, content, extract));
            }
            return Optional.of(new LayerContents(digest, entries, strings(in), strings(in), List.of(), bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores a complete, verified analysis. */
    public void store(LayerContents contents) throws IOException {
        Path file = file(contents.digest());
        if (file == null || !contents.errors().isEmpty()) {
            return;
        }
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "layer", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(temp)), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeUTF(contents.digest());
            out.writeLong(contents.uncompressedBytes());
            out.writeInt(contents.entries().size());
            for (LayerEntry entry : contents.entries()) {
                out.writeUTF(entry.path());
                out.writeByte(entry.type().ordinal());
                out.writeBoolean(entry.linkTarget() != null);
                if (entry.linkTarget() != null) {
                    out.writeUTF(entry.linkTarget());
                }
                out.writeLong(entry.size());
                out.writeInt(entry.content() == null ? -1 : entry.content().length);
                if (entry.content() != null) {
                    out.write(entry.content());
                }
                out.writeInt(entry.extract() == null ? -1 : entry.extract().length);
                if (entry.extract() != null) {
                    out.write(entry.extract());
                }
            }
            writeStrings(out, contents.whiteouts());
            writeStrings(out, contents.opaqueDirectories());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(String digest) {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            return null;
        }
        return directory.resolve(digest.substring("sha256:".length()) + ".layer");
    }

    private static void writeStrings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static Set<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
