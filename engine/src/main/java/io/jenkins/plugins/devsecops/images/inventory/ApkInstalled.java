package io.jenkins.plugins.devsecops.images.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads apk's database ({@code /lib/apk/db/installed}): blocks of {@code X:value} lines separated by blank lines;
 * {@code P} name, {@code V} version, {@code o} origin (the source package Alpine's advisories name), {@code A}
 * architecture, {@code F} a directory and {@code R} a file in it.
 */
final class ApkInstalled {

    private ApkInstalled() {
    }

    static List<PackageRecord> parse(byte[] content) {
        List<PackageRecord> packages = new ArrayList<>();
        Block block = new Block();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isBlank()) {
                block.add(packages);
                block = new Block();
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                continue;
            }
            String value = line.substring(2).strip();
            switch (line.charAt(0)) {
                case 'P' -> block.name = value;
                case 'V' -> block.version = value;
                case 'o' -> block.origin = value;
                case 'A' -> block.arch = value;
                case 'F' -> block.directory = value;
                case 'R' -> block.files.add(block.directory == null || block.directory.isEmpty() ? value
                        : block.directory + "/" + value);
                default -> {
                }
            }
        }
        block.add(packages);
        return packages;
    }

    private static final class Block {
        String name;
        String version;
        String origin;
        String arch;
        String directory;
        final List<String> files = new ArrayList<>();

        void add(List<PackageRecord> packages) {
            if (name != null && !name.isBlank() && version != null && !version.isBlank()) {
                packages.add(new PackageRecord(name, version, origin == null || origin.isBlank() ? name : origin, null,
                        arch, files));
            }
        }
    }
}
