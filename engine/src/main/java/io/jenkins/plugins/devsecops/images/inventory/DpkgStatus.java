package io.jenkins.plugins.devsecops.images.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dpkg database file ({@code /var/lib/dpkg/status}, or one file of {@code status.d/} in distroless
 * images): deb822 paragraphs, continuation lines ignored. Only installed packages count ({@code Status: install
 * ok installed}; a paragraph without {@code Status}, as in {@code status.d}, is installed); {@code Source:
 * name (version)} gives the source package and, when it differs, its version.
 */
final class DpkgStatus {

    private DpkgStatus() {
    }

    static List<PackageRecord> parse(byte[] content) {
        List<PackageRecord> packages = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        String last = null;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isBlank()) {
                add(fields, packages);
                fields.clear();
                last = null;
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // continuation of the last field (descriptions, conffiles)
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            last = line.substring(0, colon).strip();
            fields.put(last, line.substring(colon + 1).strip());
        }
        add(fields, packages);
        return packages;
    }

    private static void add(Map<String, String> fields, List<PackageRecord> packages) {
        String name = fields.get("Package");
        String version = fields.get("Version");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            return;
        }
        String status = fields.get("Status");
        if (status != null && !status.endsWith(" installed")) {
            return;
        }
        String source = fields.get("Source");
        String sourceName = name;
        String sourceVersion = null;
        if (source != null && !source.isBlank()) {
            int paren = source.indexOf('(');
            if (paren > 0 && source.endsWith(")")) {
                sourceName = source.substring(0, paren).strip();
                sourceVersion = source.substring(paren + 1, source.length() - 1).strip();
            } else {
                sourceName = source.strip();
            }
        }
        packages.add(new PackageRecord(name, version, sourceName, sourceVersion, fields.get("Architecture"), List.of()));
    }

    /** The paths of a {@code var/lib/dpkg/info/<package>.list} file. */
    static List<String> fileList(byte[] content) {
        List<String> files = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String path = line.strip();
            if (path.startsWith("/") && path.length() > 1) {
                files.add(path.substring(1));
            }
        }
        return files;
    }
}
