package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.images.layer.FileProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Keeps a Java archive's package facts instead of the archive: while the layer streams by, the archive is read as a
 * zip stream and rewritten as a small zip holding only its {@code META-INF/maven/.../pom.properties} entries and,
 * reduced the same way, its nested archives ({@code BOOT-INF/lib}, {@code WEB-INF/lib}, EAR modules; at most
 * {@value #MAX_DEPTH} deep, each held at most {@value #MAX_NESTED_BYTES} bytes while it is reduced). The dependency
 * stage's archive reader then reads the small zip as it would the archive. An archive that is not a readable zip
 * becomes {@code error<TAB>message}.
 */
public final class JavaArchiveProbe implements FileProbe {

    static final int MAX_DEPTH = 4;
    static final long MAX_NESTED_BYTES = 64L << 20;
    private static final int MAX_PROPERTIES_BYTES = 1 << 20;
    private static final int MAX_ENTRIES = 200_000;

    static boolean isArchive(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
    }

    @Override
    public boolean wants(String path, int mode, long size) {
        return isArchive(path) && size >= 22;
    }

    @Override
    public byte[] probe(String path, long size, InputStream content) throws IOException {
        ByteArrayOutputStream reduced = new ByteArrayOutputStream();
        int[] entries = {0};
        try (ZipOutputStream out = new ZipOutputStream(reduced)) {
            reduce(new UnclosedInput(content), out, 0, entries);
            if (entries[0] == 0) {
                return (GoBinaryProbe.ERROR + "not a readable zip archive: no entries")
                        .getBytes(StandardCharsets.UTF_8);
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            return (GoBinaryProbe.ERROR + "not a readable zip archive: " + e.getMessage())
                    .getBytes(StandardCharsets.UTF_8);
        }
        return reduced.toByteArray();
    }

    private static void reduce(InputStream archive, ZipOutputStream out, int depth, int[] entries)
            throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (++entries[0] > MAX_ENTRIES) {
                return;
            }
            String name = entry.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (entry.isDirectory()) {
                continue;
            }
            if (lower.startsWith("meta-inf/maven/") && lower.endsWith("/pom.properties")) {
                byte[] properties = zip.readNBytes(MAX_PROPERTIES_BYTES + 1);
                if (properties.length <= MAX_PROPERTIES_BYTES) {
                    out.putNextEntry(new ZipEntry(name));
                    out.write(properties);
                    out.closeEntry();
                }
            } else if (depth < MAX_DEPTH && isArchive(lower)) {
                byte[] nested = zip.readNBytes((int) MAX_NESTED_BYTES + 1);
                if (nested.length > MAX_NESTED_BYTES) {
                    continue;
                }
                ByteArrayOutputStream inner = new ByteArrayOutputStream();
                try (ZipOutputStream nestedOut = new ZipOutputStream(inner)) {
                    reduce(new ByteArrayInputStream(nested), nestedOut, depth + 1, entries);
                } catch (java.util.zip.ZipException | IllegalArgumentException e) {
                    continue; // the archive reader warns about unreadable nested archives; here it is left out
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(inner.toByteArray());
                out.closeEntry();
            }
        }
    }

    /** The layer's stream, which the zip reader must not close. */
    private static final class UnclosedInput extends java.io.FilterInputStream {
        UnclosedInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the tar stream goes on
        }
    }
}
