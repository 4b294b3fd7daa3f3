package io.jenkins.plugins.devsecops.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An image written in the test as a {@code docker save} archive or an OCI layout (directory or tar), its layers
 * plain, gzip- or zstd-compressed; the history marks the base image with a {@code CMD} after {@code baseLayers}.
 */
final class TestImage {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<TestLayer> layers = new ArrayList<>();
    private int baseLayers;
    private String architecture = "amd64";

    static TestImage of(TestLayer... layers) {
        TestImage image = new TestImage();
        image.layers.addAll(List.of(layers));
        return image;
    }

    TestImage baseLayers(int count) {
        baseLayers = count;
        return this;
    }

    TestImage architecture(String value) {
        architecture = value;
        return this;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] config(List<byte[]> tars) throws IOException {
        ObjectNode config = MAPPER.createObjectNode().put("architecture", architecture).put("os", "linux");
        ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        tars.forEach(t -> diffIds.add(sha256(t)));
        ArrayNode history = config.putArray("history");
        for (int i = 0; i < layers.size(); i++) {
            if (i == baseLayers && baseLayers > 0) {
                history.addObject().put("created_by", "/bin/sh -c #(nop)  CMD [\"bash\"]").put("empty_layer", true);
            }
            history.addObject().put("created_by", layers.get(i).instruction());
        }
        return MAPPER.writeValueAsBytes(config);
    }

    /** Writes a docker-save archive (uncompressed layers, as docker writes them). */
    Path dockerArchive(Path file) throws IOException {
        return dockerArchive(file, UnaryOperator.identity());
    }

    /** Writes a docker-save archive whose layer bytes pass through {@code tamper} after the config was made. */
    Path dockerArchive(Path file, UnaryOperator<byte[]> tamper) throws IOException {
        List<byte[]> tars = new ArrayList<>();
        for (TestLayer layer : layers) {
            tars.add(layer.tar());
        }
        byte[] config = config(tars);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String configName = sha256(config).substring(7) + ".json";
        files.put(configName, config);
        ArrayNode layerPaths = MAPPER.createArrayNode();
        for (byte[] tar : tars) {
            String path = sha256(tar).substring(7) + "/layer.tar";
            layerPaths.add(path);
            files.put(path, tamper.apply(tar));
        }
        ArrayNode manifest = MAPPER.createArrayNode();
        manifest.addObject().put("Config", configName).set("Layers", layerPaths);
        files.put("manifest.json", MAPPER.writeValueAsBytes(manifest));
        writeTar(file, files);
        return file;
    }

    /** The compressions of an OCI layout's layers. */
    enum Compression {
        NONE, GZIP, ZSTD
    }

    /**
     * Writes an OCI layout: an index with this image for linux/{@code architecture} and an empty arm64 image, so
     * that the platform choice matters.
     */
    Map<String, byte[]> ociLayout(Compression compression) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<byte[]> tars = new ArrayList<>();
        for (TestLayer layer : layers) {
            tars.add(layer.tar());
        }
        ObjectNode manifest = MAPPER.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", blob(files, config(tars)));
        ArrayNode layerNodes = manifest.putArray("layers");
        for (byte[] tar : tars) {
            byte[] stored = switch (compression) {
                case NONE -> tar;
                case GZIP -> TestLayer.gzip(tar);
                case ZSTD -> TestLayer.zstd(tar);
            };
            layerNodes.addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar"
                    + (compression == Compression.GZIP ? "+gzip" : compression == Compression.ZSTD ? "+zstd" : ""))
                    .put("digest", blob(files, stored)).put("size", stored.length);
        }
        String manifestDigest = blob(files, MAPPER.writeValueAsBytes(manifest));
        ObjectNode other = MAPPER.createObjectNode().put("schemaVersion", 2);
        other.putObject("config").put("digest", blob(files, MAPPER.writeValueAsBytes(MAPPER.createObjectNode()
                .put("os", "linux").put("architecture", "arm64"))));
        other.putArray("layers");
        String otherDigest = blob(files, MAPPER.writeValueAsBytes(other));
        ObjectNode index = MAPPER.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode manifests = index.putArray("manifests");
        manifests.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json").put("digest", otherDigest)
                .putObject("platform").put("os", "linux").put("architecture", "arm64").put("variant", "v8");
        manifests.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json").put("digest", manifestDigest)
                .putObject("platform").put("os", "linux").put("architecture", architecture);
        manifests.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json").put("digest", otherDigest)
                .putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest");
        files.put("index.json", MAPPER.writeValueAsBytes(index));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        files.put("@manifest", manifestDigest.getBytes());
        return files;
    }

    static Path writeDirectory(Path directory, Map<String, byte[]> files) throws IOException {
        for (var entry : files.entrySet()) {
            if (entry.getKey().startsWith("@")) {
                continue;
            }
            Path file = directory.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return directory;
    }

    static Path writeTar(Path file, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream stream = Files.newOutputStream(file); TarArchiveOutputStream out = new TarArchiveOutputStream(stream)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var entry : files.entrySet()) {
                if (entry.getKey().startsWith("@")) {
                    continue;
                }
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                out.putArchiveEntry(tarEntry);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    private static String blob(Map<String, byte[]> files, byte[] content) {
        String digest = sha256(content);
        files.put("blobs/sha256/" + digest.substring(7), content);
        return digest;
    }
}
