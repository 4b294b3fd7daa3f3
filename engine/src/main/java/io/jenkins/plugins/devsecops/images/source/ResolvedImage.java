package io.jenkins.plugins.devsecops.images.source;

import java.util.List;

/**
 * An image resolved to one platform: its name for reports, its configuration and its layers bottom first.
 *
 * @param name what the user named, e.g. {@code build/app.tar} or {@code registry.example.com/app:1.2}
 * @param digest the manifest digest where known, else {@code null}
 */
public record ResolvedImage(String name, String digest, ImageConfig config, List<LayerRef> layers) {

    public ResolvedImage {
        layers = List.copyOf(layers);
    }
}
