package io.jenkins.plugins.devsecops.images.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.images.layer.LayerReader;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks OCI image indexes and Docker manifest lists down to the manifest of one platform, then reads its config;
 * every blob is checked against its digest.
 */
final class ManifestResolver {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Manifests and configs larger than this are refused. */
    static final int MAX_DOCUMENT_BYTES = 4 << 20;
    private static final int MAX_DEPTH = 4;

    /** Fetches a stored document by digest: an index's child manifest, or a manifest's config blob. */
    interface Blobs {
        byte[] get(String digest, boolean manifest) throws IOException, InterruptedException;
    }

    private ManifestResolver() {
    }

    /** Resolves {@code document} (an index or a manifest) for {@code platform}. */
    static ResolvedImage resolve(String name, String digest, JsonNode document, Blobs blobs, Platform platform)
            throws IOException, InterruptedException {
        return resolve(name, digest, document, blobs, platform, 0);
    }

    private static ResolvedImage resolve(String name, String digest, JsonNode document, Blobs blobs, Platform platform,
            int depth) throws IOException, InterruptedException {
        if (depth > MAX_DEPTH) {
            throw new IOException("image indexes nest deeper than " + MAX_DEPTH);
        }
        if (document.path("manifests").isArray()) {
            JsonNode chosen = choose(document.path("manifests"), platform);
            String childDigest = text(chosen, "digest");
            return resolve(name, childDigest, json(blobs.get(childDigest, true), "manifest " + childDigest), blobs, platform,
                    depth + 1);
        }
        if (!document.path("layers").isArray() || !document.path("config").isObject()) {
            throw new IOException("neither an image index nor an image manifest (no layers and config)");
        }
        ImageConfig config = ImageConfig.parse(blobs.get(text(document.path("config"), "digest"), false));
        List<LayerRef> layers = new ArrayList<>();
        for (JsonNode layer : document.path("layers")) {
            String layerDigest = text(layer, "digest");
            layers.add(new LayerRef(layerDigest, LayerReader.DigestOf.COMPRESSED, layerDigest, layer.path("size").asLong(-1)));
        }
        return new ResolvedImage(name, digest, config, layers);
    }

    /** The index entry for {@code platform}: by its platform, or the only image entry when none says. */
    static JsonNode choose(JsonNode manifests, Platform platform) throws IOException {
        List<JsonNode> images = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (JsonNode entry : manifests) {
            Platform own = Platform.of(entry.path("platform"));
            boolean attestation = "attestation-manifest".equals(entry.path("annotations")
                    .path("vnd.docker.reference.type").asText()) || own != null && own.os().equals("unknown");
            if (attestation) {
                continue;
            }
            if (own != null && platform.matches(own)) {
                return entry;
            }
            if (own != null) {
                available.add(own.toString());
            }
            images.add(entry);
        }
        if (images.size() == 1 && available.isEmpty()) {
            return images.get(0);
        }
        throw new IOException("no manifest for platform " + platform + (available.isEmpty() ? ""
                : "; the image has " + String.join(", ", available)));
    }

    static JsonNode json(byte[] bytes, String what) throws IOException {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new IOException(what + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(what + " is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject() && !node.isArray()) {
            throw new IOException(what + " is not a JSON document");
        }
        return node;
    }

    static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IOException("missing '" + field + "'");
        }
        return value.asText();
    }

    /**
     * A digest ({@code sha256:<64 hex>}) checked for form, so that it can name a file; other algorithms are refused.
     */
    static String checkDigest(String digest) throws IOException {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IOException("unsupported or malformed digest '" + digest + "' (sha256:<64 hex> expected)");
        }
        return digest;
    }

    /** Checks {@code bytes} against {@code digest}. */
    static byte[] verify(String digest, byte[] bytes) throws IOException {
        checkDigest(digest);
        try {
            String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(digest)) {
                throw new IOException("blob " + digest + " does not match its digest (" + actual + ")");
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
