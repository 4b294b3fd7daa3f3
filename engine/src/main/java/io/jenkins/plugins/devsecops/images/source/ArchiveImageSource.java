package io.jenkins.plugins.devsecops.images.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.images.layer.LayerReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An image saved to disk: a {@code docker save} archive ({@code manifest.json}) or an OCI image layout
 * ({@code index.json} and {@code blobs/}), either as a tar file (plain or gzip-compressed) or as a directory. The
 * archive is read in place (a gzip-compressed one is first decompressed to a private temporary file); names are
 * checked so nothing outside it is read, and no link inside it is followed.
 */
public final class ArchiveImageSource implements ImageSource {

    /** A gzip-compressed archive larger than this when decompressed is refused. */
    static final long MAX_DECOMPRESSED_ARCHIVE = 32L << 30;

    private final String name;
    private final Path directory;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> tarEntries = new HashMap<>();
    private final Path temporary;

    private ArchiveImageSource(String name, Path directory, TarFile tar, Path temporary) {
        this.name = name;
        this.directory = directory;
        this.tar = tar;
        this.temporary = temporary;
        if (tar != null) {
            for (TarArchiveEntry entry : tar.getEntries()) {
                String normalized = LayerReader.normalize(entry.getName());
                if (normalized != null && entry.isFile()) {
                    tarEntries.put(normalized, entry);
                }
            }
        }
    }

    /**
     * Opens an archive file or layout directory.
     *
     * @param name how reports name the image
     * @param tempDir where a gzip-compressed archive may be decompressed
     */
    public static ArchiveImageSource open(String name, Path path, Path tempDir) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return new ArchiveImageSource(name, path.toRealPath(), null, null);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such image archive or directory: " + path);
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(2);
        }
        Path temporary = null;
        Path tarPath = path;
        if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            Files.createDirectories(tempDir);
            temporary = Files.createTempFile(tempDir, "image", ".tar");
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
                    var out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_DECOMPRESSED_ARCHIVE) {
                        throw new IOException("the compressed archive expands past " + MAX_DECOMPRESSED_ARCHIVE + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            tarPath = temporary;
        }
        try {
            return new ArchiveImageSource(name, null, new TarFile(tarPath), temporary);
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            throw new IOException("not a readable tar archive: " + e.getMessage(), e);
        }
    }

    @Override
    public ResolvedImage resolve(Platform platform) throws IOException, InterruptedException {
        if (exists("manifest.json")) {
            return resolveDockerArchive();
        }
        if (exists("index.json")) {
            JsonNode index = ManifestResolver.json(read("index.json"), "index.json");
            return ManifestResolver.resolve(name, null, index, (digest, manifest) -> ManifestResolver.verify(digest,
                    read(blobPath(digest))), platform);
        }
        throw new IOException("not an image archive: neither manifest.json (docker save) nor index.json (OCI layout)");
    }

    private ResolvedImage resolveDockerArchive() throws IOException {
        JsonNode manifest = ManifestResolver.json(read("manifest.json"), "manifest.json");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new IOException("manifest.json lists no image");
        }
        JsonNode image = manifest.get(0);
        String configPath = ManifestResolver.text(image, "Config");
        byte[] configBytes = read(configPath);
        ImageConfig config = ImageConfig.parse(configBytes);
        List<LayerRef> layers = new ArrayList<>();
        JsonNode paths = image.path("Layers");
        for (int i = 0; i < paths.size(); i++) {
            String location = paths.get(i).asText();
            boolean known = i < config.diffIds().size() && paths.size() == config.diffIds().size();
            String digest = known ? config.diffIds().get(i) : location;
            layers.add(new LayerRef(digest, known ? LayerReader.DigestOf.UNCOMPRESSED : LayerReader.DigestOf.NONE,
                    location, -1));
        }
        return new ResolvedImage(name, null, config, layers);
    }

    @Override
    public InputStream openLayer(LayerRef layer) throws IOException {
        // OCI manifests name layers by digest, docker-save manifests by path
        return open(layer.location().startsWith("sha256:") ? blobPath(layer.location()) : layer.location());
    }

    private static String blobPath(String digest) throws IOException {
        ManifestResolver.checkDigest(digest);
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private boolean exists(String relative) {
        if (tar != null) {
            return tarEntries.containsKey(relative);
        }
        return Files.isRegularFile(directory.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    private byte[] read(String relative) throws IOException {
        try (InputStream in = open(relative)) {
            byte[] bytes = in.readNBytes(ManifestResolver.MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > ManifestResolver.MAX_DOCUMENT_BYTES) {
                throw new IOException(relative + " is larger than " + ManifestResolver.MAX_DOCUMENT_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private InputStream open(String relative) throws IOException {
        String normalized = LayerReader.normalize(relative);
        if (normalized == null || normalized.isEmpty()) {
            throw new IOException("archive names a file outside it: " + relative);
        }
        if (tar != null) {
            TarArchiveEntry entry = tarEntries.get(normalized);
            if (entry == null) {
                throw new IOException("archive has no file " + normalized);
            }
            return tar.getInputStream(entry);
        }
        Path file = directory.resolve(normalized);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(directory)) {
            throw new IOException("layout has no regular file " + normalized);
        }
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        try {
            if (tar != null) {
                tar.close();
            }
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
