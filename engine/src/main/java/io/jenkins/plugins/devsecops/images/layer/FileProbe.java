package io.jenkins.plugins.devsecops.images.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Looks into a layer's files whose contents are not kept, while the layer streams by, and keeps a small extract of
 * those it recognizes (e.g. a Go binary's build information instead of the binary).
 */
public interface FileProbe {

    /** A probe that looks at nothing. */
    FileProbe NONE = new FileProbe() {
        @Override
        public boolean wants(String path, int mode, long size) {
            return false;
        }

        @Override
        public byte[] probe(String path, long size, InputStream content) {
            return null;
        }
    };

    /** Whether to look into the file at {@code path} with tar {@code mode} and {@code size} bytes. */
    boolean wants(String path, int mode, long size);

    /**
     * The extract of one file, or {@code null} when there is none. It may read only part of {@code content} and
     * must not close it. A file it recognizes but cannot read is described in the extract, not thrown.
     *
     * @throws IOException only when reading {@code content} fails (the layer itself is truncated or corrupt)
     */
    byte[] probe(String path, long size, InputStream content) throws IOException;
}
