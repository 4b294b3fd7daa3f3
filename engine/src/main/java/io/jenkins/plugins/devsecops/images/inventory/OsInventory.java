package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.images.layer.LayerEntry;
import io.jenkins.plugins.devsecops.images.layer.MergedFilesystem;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OS packages of an image: the distribution from {@code os-release}, then dpkg ({@code status} and distroless
 * {@code status.d/}), apk ({@code installed}) and rpm (SQLite, NDB or Berkeley DB) databases, each package placed in the
 * layer that added it, with the files the packages own (so language manifests they ship are not counted twice).
 */
public final class OsInventory {

    /**
     * The result.
     *
     * @param release the distribution, or {@code null} when the image has no os-release
     * @param packages the installed OS packages
     * @param ownedFiles the paths OS packages own
     * @param warnings what could not be read
     */
    public record Result(OsRelease release, List<InstalledPackage> packages, Set<String> ownedFiles,
            List<String> warnings) {
    }

    private OsInventory() {
    }

    /** Reads the OS packages of {@code files}. */
    public static Result read(ImageFiles files) {
        MergedFilesystem fs = files.merged();
        List<String> warnings = new ArrayList<>();
        OsRelease release = fs.content("etc/os-release").or(() -> fs.content("usr/lib/os-release"))
                .map(OsRelease::parse).orElse(null);
        Ecosystem ecosystem = release == null ? null : release.ecosystem().orElse(null);
        List<InstalledPackage> packages = new ArrayList<>();
        Set<String> owned = new HashSet<>();

        Optional<MergedFilesystem.Node> dpkg = fs.resolve("var/lib/dpkg/status");
        Optional<MergedFilesystem.Node> apk = fs.resolve("lib/apk/db/installed");
        boolean statusD = !fs.under(real(fs, "var/lib/dpkg/status.d")).isEmpty();
        Ecosystem debLike = ecosystem == Ecosystem.UBUNTU ? Ecosystem.UBUNTU : Ecosystem.DEBIAN;
        if (dpkg.isPresent()) {
            packages.addAll(placed(files, "var/lib/dpkg/status", dpkg.get(), DpkgStatus::parse, debLike, warnings));
        }
        if (statusD) {
            String directory = real(fs, "var/lib/dpkg/status.d");
            for (MergedFilesystem.Node node : fs.under(directory)) {
                LayerEntry entry = node.entry();
                if (entry.type() == LayerEntry.Type.FILE && entry.content() != null && !entry.path().endsWith(".md5sums")) {
                    for (PackageRecord record : DpkgStatus.parse(entry.content())) {
                        packages.add(toPackage(record, debLike, entry.path(), node.layer()));
                    }
                }
            }
        }
        for (MergedFilesystem.Node node : fs.under(real(fs, "var/lib/dpkg/info"))) {
            if (node.entry().path().endsWith(".list") && node.entry().content() != null) {
                owned.addAll(DpkgStatus.fileList(node.entry().content()));
            }
        }
        if (apk.isPresent()) {
            Ecosystem alpine = ecosystem == Ecosystem.WOLFI ? Ecosystem.WOLFI : Ecosystem.ALPINE;
            packages.addAll(placed(files, "lib/apk/db/installed", apk.get(), content -> {
                List<PackageRecord> records = ApkInstalled.parse(content);
                records.forEach(r -> owned.addAll(r.files()));
                return records;
            }, alpine, warnings));
        }
        // one database per image: the first of rpm's locations, newest format first (a stale older file is ignored)
        for (String path : RpmDatabase.PATHS) {
            Optional<MergedFilesystem.Node> rpm = fs.resolve(path);
            if (rpm.isEmpty()) {
                continue;
            }
            Ecosystem rpmEcosystem = ecosystem == null ? Ecosystem.RED_HAT : ecosystem;
            int[] unreadable = new int[1];
            packages.addAll(placed(files, path, rpm.get(), content -> {
                try {
                    RpmDatabase.Result result = RpmDatabase.parse(content);
                    result.packages().forEach(r -> owned.addAll(r.files()));
                    unreadable[0] = result.unreadable();
                    return result.packages();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, rpmEcosystem, warnings));
            if (unreadable[0] > 0) {
                warnings.add("/" + path + ": " + unreadable[0] + " package headers failed their checks and were "
                        + "skipped; those packages are NOT inventoried");
            }
            break;
        }
        if (!packages.isEmpty() && ecosystem == null) {
            warnings.add("the image's distribution is unknown or not supported (os-release: "
                    + (release == null ? "none" : release.id() + " " + release.versionId())
                    + "); its OS packages were inventoried but are not matched against advisories");
        }
        return new Result(release, packages, owned, warnings);
    }

    private static String real(MergedFilesystem fs, String path) {
        return fs.resolve(path).map(n -> n.entry().path()).orElse(path);
    }

    /** Parses one database file. */
    private interface Parser {
        List<PackageRecord> parse(byte[] content);
    }

    /**
     * The packages of the database at {@code node}, each in the layer whose copy of the database first lists it
     * (again, if a layer in between dropped it).
     */
    private static List<InstalledPackage> placed(ImageFiles files, String path, MergedFilesystem.Node node,
            Parser parser, Ecosystem ecosystem, List<String> warnings) {
        if (node.entry().content() == null) {
            String real = node.entry().path();
            warnings.add(real.equals(path)
                    ? "/" + path + " is too large to read or could not be kept; its packages are NOT inventoried"
                    : "/" + path + " leads through links to /" + real + ", which was not kept (layers stream by once, "
                            + "and only files at package-database paths are kept); its packages are NOT inventoried");
            return List.of();
        }
        String real = node.entry().path();
        Map<String, Integer> layerOf = new HashMap<>();
        for (ImageFiles.LayerCopy copy : files.copies(real)) {
            if (copy.layer() > node.layer()) {
                break;
            }
            Set<String> present = new HashSet<>();
            try {
                for (PackageRecord record : parser.parse(copy.content())) {
                    present.add(key(record));
                }
            } catch (RuntimeException e) {
                continue; // an unreadable older copy only costs the layer attribution
            }
            layerOf.keySet().retainAll(present);
            for (String key : present) {
                layerOf.putIfAbsent(key, copy.layer());
            }
        }
        List<PackageRecord> records;
        try {
            records = parser.parse(node.entry().content());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            warnings.add("/" + path + " could not be read (" + cause.getMessage() + "); its packages are NOT inventoried");
            return List.of();
        }
        if (records.isEmpty() && node.entry().content().length > 0) {
            warnings.add("/" + path + " lists no installed package (empty, or not a package database)");
        }
        Map<String, InstalledPackage> result = new LinkedHashMap<>();
        for (PackageRecord record : records) {
            result.putIfAbsent(key(record), toPackage(record, ecosystem, real,
                    layerOf.getOrDefault(key(record), node.layer())));
        }
        return new ArrayList<>(result.values());
    }

    private static String key(PackageRecord record) {
        return record.name() + "\u0000" + record.version() + "\u0000" + record.architecture();
    }

    private static InstalledPackage toPackage(PackageRecord record, Ecosystem ecosystem, String path, int layer) {
        return new InstalledPackage(ecosystem, record.name(), record.version(), record.sourceName(),
                record.sourceVersion(), record.architecture(), path, layer);
    }
}
