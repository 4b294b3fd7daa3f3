package io.jenkins.plugins.devsecops.images;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** A layer tar written in the test: files, links, whiteouts and hostile entries exactly as given. */
final class TestLayer {

    private record Item(String name, byte type, String link, byte[] content, int mode) {

        Item(String name, byte type, String link, byte[] content) {
            this(name, type, link, content, -1);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private String instruction = "RUN true";

    static TestLayer create() {
        return new TestLayer();
    }

    TestLayer file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestLayer file(String name, byte[] content) {
        items.add(new Item(name, TarConstants.LF_NORMAL, null, content));
        return this;
    }

    /** A regular file with mode {@code 0755}. */
    TestLayer executable(String name, byte[] content) {
        items.add(new Item(name, TarConstants.LF_NORMAL, null, content, 0755));
        return this;
    }

    TestLayer directory(String name) {
        items.add(new Item(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, null, new byte[0]));
        return this;
    }

    TestLayer symlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_SYMLINK, target, new byte[0]));
        return this;
    }

    TestLayer hardlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_LINK, target, new byte[0]));
        return this;
    }

    TestLayer whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return file(slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), "");
    }

    TestLayer opaque(String directory) {
        return file(directory + "/.wh..wh..opq", "");
    }

    TestLayer instruction(String value) {
        instruction = value;
        return this;
    }

    String instruction() {
        return instruction;
    }

    /** The uncompressed tar. */
    byte[] tar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item item : items) {
                TarArchiveEntry entry = new TarArchiveEntry(item.name(), item.type(), true);
                if (item.link() != null) {
                    entry.setLinkName(item.link());
                }
                entry.setSize(item.type() == TarConstants.LF_NORMAL ? item.content().length : 0);
                if (item.mode() >= 0) {
                    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | item.mode());
                }
                out.putArchiveEntry(entry);
                if (item.type() == TarConstants.LF_NORMAL) {
                    out.write(item.content());
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] zstd(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
