package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.images.layer.FileProbe;
import java.io.IOException;
import java.io.InputStream;

/** The probes the inventory needs: Java archives reduced to their package facts, Go binaries to their build info. */
public final class ImageProbes implements FileProbe {

    private final FileProbe archives = new JavaArchiveProbe();
    private final FileProbe binaries = new GoBinaryProbe();

    @Override
    public boolean wants(String path, int mode, long size) {
        return archives.wants(path, mode, size) || binaries.wants(path, mode, size);
    }

    @Override
    public byte[] probe(String path, long size, InputStream content) throws IOException {
        return archives.wants(path, 0, size) ? archives.probe(path, size, content) : binaries.probe(path, size, content);
    }
}
