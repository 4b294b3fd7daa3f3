package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.images.layer.FileProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the build information of Go executables instead of the executables. A file is looked at when it is
 * executable; its first 64 KiB must be an ELF header with the Go linker's build-id note ({@code "Go\0\0"}, type 4)
 * for the rest to be read, and only then is the whole binary held, once, while its build information is read.
 * The extract is {@link GoBuildInfo#text()}, or {@code error<TAB>message} for a Go binary whose build information is
 * corrupt.
 */
public final class GoBinaryProbe implements FileProbe {

    /** The prefix of an extract that describes a problem instead of build information. */
    static final String ERROR = "error\t";

    private static final int HEAD = 64 << 10;
    private static final int MIN_SIZE = 4096;
    /** Go binaries larger than this are not read (the whole binary is held while it is read). */
    static final long MAX_SIZE = 256L << 20;
    private static final byte[] NOTE = {4, 0, 0, 0, 'G', 'o', 0, 0};

    @Override
    public boolean wants(String path, int mode, long size) {
        return (mode & 0111) != 0 && size >= MIN_SIZE && size <= MAX_SIZE;
    }

    @Override
    public byte[] probe(String path, long size, InputStream content) throws IOException {
        byte[] head = content.readNBytes((int) Math.min(size, HEAD));
        if (head.length < MIN_SIZE || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F'
                || !hasGoNote(head)) {
            return null;
        }
        byte[] binary = new byte[(int) size];
        System.arraycopy(head, 0, binary, 0, head.length);
        int read = head.length + content.readNBytes(binary, head.length, binary.length - head.length);
        if (read < size) {
            throw new IOException("layer is truncated inside " + path);
        }
        try {
            GoBuildInfo info = GoBuildInfo.read(binary);
            return info == null ? null : info.text().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return (ERROR + e.getMessage()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code head} holds a note of type 4 named {@code Go}: the Go linker's build ID. */
    static boolean hasGoNote(byte[] head) {
        outer:
        for (int i = 4; i + NOTE.length <= head.length; i += 4) {
            for (int j = 0; j < NOTE.length; j++) {
                if (head[i + j] != NOTE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
