package io.jenkins.plugins.devsecops.images.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Where an image comes from: an archive, an OCI layout directory or a registry. */
public interface ImageSource extends Closeable {

    /**
     * The image for {@code platform}.
     *
     * @throws IOException when it cannot be read, or has no manifest for the platform
     */
    ResolvedImage resolve(Platform platform) throws IOException, InterruptedException;

    /** The stored blob of a layer, as a stream the caller closes. */
    InputStream openLayer(LayerRef layer) throws IOException, InterruptedException;
}
