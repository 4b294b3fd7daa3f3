package io.jenkins.plugins.devsecops.images.layer;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer as a stream, never extracting it: detects gzip, zstd or plain tar by its first bytes, walks the
 * tar entries, normalizes their names (a leading {@code /} or {@code ./} is dropped, as container runtimes do; a
 * name or hard link with {@code ..} going above the root is refused), records whiteouts and opaque directories,
 * keeps the contents the caller asks for and verifies the layer's SHA-256 digest over the whole stream. Hostile
 * layers (truncated, oversized, decompression bombs, too many entries) end with an error on that layer; what was
 * read before stays usable.
 */
public final class LayerReader {

    /** Which bytes the expected digest is of. */
    public enum DigestOf {
        /** the blob as stored (OCI layouts, registries) */
        COMPRESSED,
        /** the uncompressed tar (docker-archive diff ids) */
        UNCOMPRESSED,
        /** nothing to verify */
        NONE
    }

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final long BOMB_FLOOR = 64L << 20;

    private final LayerLimits limits;
    private final Predicate<String> keep;
    private final FileProbe probe;

    /**
     * @param limits the caps
     * @param keep which normalized paths' contents to keep
     */
    public LayerReader(LayerLimits limits, Predicate<String> keep) {
        this(limits, keep, FileProbe.NONE);
    }

    /**
     * @param limits the caps
     * @param keep which normalized paths' contents to keep
     * @param probe looks into the files whose contents are not kept
     */
    public LayerReader(LayerLimits limits, Predicate<String> keep, FileProbe probe) {
        this.limits = limits;
        this.keep = keep;
        this.probe = probe;
    }

    /** Thrown when a limit is passed: the message says which. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    /**
     * Reads a layer.
     *
     * @param raw the layer blob as stored; not closed
     * @param digest the digest the image names the layer by ({@code sha256:<hex>}), for messages and verification
     * @param digestOf which bytes {@code digest} is of
     */
    public LayerContents read(InputStream raw, String digest, DigestOf digestOf) {
        List<String> errors = new ArrayList<>();
        Map<String, LayerEntry> entries = new LinkedHashMap<>();
        Set<String> whiteouts = new LinkedHashSet<>();
        Set<String> opaque = new LinkedHashSet<>();
        Counting compressed = new Counting(raw, Long.MAX_VALUE, null);
        MessageDigest compressedDigest = sha256();
        MessageDigest uncompressedDigest = sha256();
        Counting uncompressed = null;
        int duplicates = 0;
        List<String> refused = new ArrayList<>();
        int refusedCount = 0;
        long kept = 0;
        try {
            BufferedInputStream buffered = new BufferedInputStream(new DigestInputStream(compressed, compressedDigest), 1 << 16);
            InputStream decompressed = decompress(buffered);
            uncompressed = new Counting(new DigestInputStream(decompressed, uncompressedDigest), limits.maxUncompressedBytes(),
                    compressed);
            TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed);
            TarArchiveEntry entry;
            int count = 0;
            while ((entry = tar.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw new LimitExceeded("more than " + limits.maxEntries() + " entries");
                }
                String path = normalize(entry.getName());
                if (path == null) {
                    if (refusedCount++ < 3) {
                        refused.add(entry.getName());
                    }
                    continue;
                }
                if (path.isEmpty()) {
                    continue;
                }
                String name = path.substring(path.lastIndexOf('/') + 1);
                String parent = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/'));
                if (name.equals(OPAQUE)) {
                    opaque.add(parent);
                    continue;
                }
                if (name.startsWith(WHITEOUT)) {
                    String target = name.substring(WHITEOUT.length());
                    if (!target.isEmpty() && !target.equals(".") && !target.equals("..")) {
                        whiteouts.add(parent.isEmpty() ? target : parent + "/" + target);
                    }
                    continue;
                }
                LayerEntry read;
                if (entry.isSymbolicLink()) {
                    read = new LayerEntry(path, LayerEntry.Type.SYMLINK, entry.getLinkName(), 0, null);
                } else if (entry.isLink()) {
                    String target = normalize(entry.getLinkName());
                    if (target == null || target.isEmpty()) {
                        if (refusedCount++ < 3) {
                            refused.add(entry.getName() + " -> " + entry.getLinkName());
                        }
                        continue;
                    }
                    read = new LayerEntry(path, LayerEntry.Type.HARDLINK, target, 0, null);
                } else if (entry.isDirectory()) {
                    read = new LayerEntry(path, LayerEntry.Type.DIRECTORY, null, 0, null);
                } else if (entry.isFile()) {
                    byte[] content = null;
                    long size = entry.getSize();
                    if (size <= limits.maxKeptFileBytes() && keep.test(path)) {
                        if (kept + size > limits.maxKeptBytes()) {
                            errors.add("kept file contents exceed " + limits.maxKeptBytes() + " bytes; " + path
                                    + " and later files were not read");
                        } else {
                            content = tar.readNBytes((int) size);
                            if (content.length < size) {
                                throw new IOException("layer is truncated inside " + path);
                            }
                            kept += size;
                        }
                    }
                    byte[] extract = null;
                    if (content == null && probe.wants(path, entry.getMode(), size)) {
                        extract = probe.probe(path, size, tar);
                    }
                    read = new LayerEntry(path, LayerEntry.Type.FILE, null, size, content, extract);
                } else {
                    read = new LayerEntry(path, LayerEntry.Type.OTHER, null, 0, null);
                }
                if (entries.remove(path) != null) {
                    duplicates++;
                }
                entries.put(path, read);
            }
            // the rest of the stream (tar padding) belongs to the digest
            uncompressed.transferTo(OutputStreamNull.INSTANCE);
            buffered.transferTo(OutputStreamNull.INSTANCE);
            verify(digest, digestOf, compressedDigest, uncompressedDigest, errors);
        } catch (LimitExceeded e) {
            errors.add("layer exceeds a limit (" + e.getMessage() + "); the rest of it was not read");
        } catch (IOException | RuntimeException e) {
            errors.add("layer is truncated or corrupt (" + describe(e) + "); the rest of it was not read");
        }
        if (refusedCount > 0) {
            errors.add(refusedCount + " entries with names leading outside the image were ignored, e.g. "
                    + String.join(", ", refused));
        }
        if (duplicates > 0) {
            errors.add(duplicates + " duplicate entries (the last one of each was used)");
        }
        return new LayerContents(digest, new ArrayList<>(entries.values()), whiteouts, opaque, errors,
                uncompressed == null ? 0 : uncompressed.count);
    }

    private static void verify(String digest, DigestOf digestOf, MessageDigest compressed, MessageDigest uncompressed,
            List<String> errors) {
        if (digestOf == DigestOf.NONE || digest == null) {
            return;
        }
        if (!digest.startsWith("sha256:")) {
            errors.add("digest " + digest + " uses an algorithm other than SHA-256 and was not verified");
            return;
        }
        String actual = "sha256:" + HexFormat.of().formatHex((digestOf == DigestOf.COMPRESSED ? compressed : uncompressed).digest());
        if (!actual.equals(digest)) {
            errors.add("content does not match its digest (" + actual + ")");
        }
    }

    /**
     * The path of a tar entry inside the image, {@code /}-separated without a leading slash, or {@code null} when
     * its {@code ..} segments lead above the root.
     */
    public static String normalize(String name) {
        if (name == null || name.indexOf('\0') >= 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Counts bytes and stops past a limit, or past the bomb ratio against {@code compressed}. */
    private final class Counting extends FilterInputStream {
        private final long max;
        private final Counting compressed;
        long count;

        Counting(InputStream in, long max, Counting compressed) {
            super(in);
            this.max = max;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new LimitExceeded("more than " + max + " bytes uncompressed");
                }
                if (compressed != null && count > BOMB_FLOOR
                        && count / Math.max(1, compressed.count) > limits.maxCompressionRatio()) {
                    throw new LimitExceeded("decompression bomb: " + count + " bytes from " + compressed.count
                            + " compressed, ratio above " + limits.maxCompressionRatio());
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(0, read);
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
