package io.jenkins.plugins.devsecops.images.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scan needs of an image's configuration: its platform, the uncompressed layer digests and, per layer,
 * the instruction of the Dockerfile that made it (from {@code history}, skipping {@code empty_layer} entries).
 *
 * @param instructions one per layer, {@code null} where the history does not say
 * @param baseLayers how many bottom layers came from the base image, guessed from the history: base images end
 *     with a {@code CMD} or {@code ENTRYPOINT} entry (which makes no layer), so the layers before the last such entry
 *     that still has layers after it are the base image's; 0 when the history has none (unknown)
 */
public record ImageConfig(String os, String architecture, List<String> diffIds, List<String> instructions,
        int baseLayers) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ImageConfig {
        diffIds = List.copyOf(diffIds);
        instructions = java.util.Collections.unmodifiableList(new ArrayList<>(instructions));
    }

    /** Parses a config blob. */
    public static ImageConfig parse(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("image config is not a JSON object");
        }
        List<String> diffIds = new ArrayList<>();
        for (JsonNode id : root.path("rootfs").path("diff_ids")) {
            diffIds.add(id.asText());
        }
        List<String> instructions = new ArrayList<>();
        int base = 0;
        for (JsonNode entry : root.path("history")) {
            String createdBy = entry.path("created_by").asText("");
            if (!entry.path("empty_layer").asBoolean(false)) {
                instructions.add(instruction(createdBy));
            } else if (createdBy.contains("CMD") || createdBy.contains("ENTRYPOINT")) {
                if (instructions.size() < diffIds.size()) {
                    base = instructions.size();
                }
            }
        }
        // a marker with no layer after it ends the image itself, not its base
        if (base >= instructions.size()) {
            base = 0;
        }
        // histories that do not line up with the layers are not trusted
        if (instructions.size() != diffIds.size()) {
            instructions = new ArrayList<>();
            for (int i = 0; i < diffIds.size(); i++) {
                instructions.add(null);
            }
        }
        return new ImageConfig(root.path("os").asText(""), root.path("architecture").asText(""), diffIds, instructions,
                Math.min(base, diffIds.size()));
    }

    /** The Dockerfile instruction of a {@code created_by} text, without the shell wrapper docker writes. */
    static String instruction(String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            return null;
        }
        String text = createdBy.strip();
        if (text.startsWith("/bin/sh -c #(nop) ")) {
            text = text.substring("/bin/sh -c #(nop) ".length()).strip();
        } else if (text.startsWith("/bin/sh -c ")) {
            text = "RUN " + text.substring("/bin/sh -c ".length()).strip();
        }
        if (text.endsWith(" # buildkit")) {
            text = text.substring(0, text.length() - " # buildkit".length());
        }
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
