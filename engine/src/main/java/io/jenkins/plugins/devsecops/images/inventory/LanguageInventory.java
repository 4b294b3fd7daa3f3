package io.jenkins.plugins.devsecops.images.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.images.layer.LayerEntry;
import io.jenkins.plugins.devsecops.images.layer.MergedFilesystem;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import io.jenkins.plugins.devsecops.packages.lockfile.JavaArchiveParser;
import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language packages installed in an image, read from the files package managers leave behind: Java archives
 * ({@code pom.properties}, through the dependency stage's archive reader), {@code node_modules/<name>/package.json},
 * Python {@code *.dist-info/METADATA} and {@code *.egg-info/PKG-INFO}, RubyGems {@code specifications/*.gemspec},
 * Composer {@code vendor/composer/installed.json}, .NET {@code *.deps.json} and the modules in Go executables' build
 * information (see {@link GoBinaryProbe}). Files an OS package owns are skipped:
 * the distribution's advisories cover them.
 */
public final class LanguageInventory {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JavaArchiveParser JARS = new JavaArchiveParser();

    /**
     * The result.
     *
     * @param packages the packages found
     * @param warnings files that could not be read
     */
    public record Result(List<InstalledPackage> packages, List<String> warnings) {
    }

    private LanguageInventory() {
    }

    /** Whether a path ({@code lower} lower-cased) is a language package manifest the inventory reads. */
    static boolean wanted(String lower, String path) {
        return lower.endsWith("/package.json") && lower.contains("node_modules/")
                || lower.endsWith(".dist-info/metadata") || lower.endsWith(".egg-info/pkg-info")
                || lower.endsWith(".gemspec") && lower.contains("specifications/")
                || lower.endsWith("vendor/composer/installed.json") || lower.endsWith(".deps.json");
    }

    /** Reads the language packages of {@code fs}, skipping {@code owned} files. */
    public static Result read(MergedFilesystem fs, Set<String> owned) {
        List<InstalledPackage> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (MergedFilesystem.Node node : fs.files(path -> wanted(path.toLowerCase(Locale.ROOT), path))) {
            LayerEntry entry = node.entry();
            if (entry.type() != LayerEntry.Type.FILE || entry.content() == null || owned.contains(entry.path())) {
                continue;
            }
            try {
                read(entry.path(), entry.content(), node.layer(), packages);
            } catch (IOException | RuntimeException e) {
                warnings.add("/" + entry.path() + ": " + e.getMessage());
            }
        }
        for (MergedFilesystem.Node node : fs.files(path -> true)) {
            LayerEntry entry = node.entry();
            if (entry.extract() == null || owned.contains(entry.path())) {
                continue;
            }
            boolean archive = JavaArchiveProbe.isArchive(entry.path());
            String text = new String(entry.extract(), StandardCharsets.UTF_8);
            if (text.startsWith(GoBinaryProbe.ERROR)) {
                warnings.add("/" + entry.path() + (archive ? ": " : ": a Go binary whose build information could not "
                        + "be read (") + text.substring(GoBinaryProbe.ERROR.length()) + (archive ? "" : ")"));
                continue;
            }
            if (archive) {
                try {
                    read(entry.path(), entry.extract(), node.layer(), packages);
                } catch (IOException | RuntimeException e) {
                    warnings.add("/" + entry.path() + ": " + e.getMessage());
                }
                continue;
            }
            for (GoBuildInfo.Module module : GoBuildInfo.parse(text).versionedModules()) {
                packages.add(new InstalledPackage(Ecosystem.GO, module.path(), module.version(), null, null, null,
                        entry.path(), node.layer()));
            }
        }
        return new Result(packages, warnings);
    }

    private static void read(String path, byte[] content, int layer, List<InstalledPackage> packages)
            throws IOException {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear")) {
            try {
                for (LockedPackage found : JARS.parse(new Lockfile(path, content, null, null)).packages()) {
                    packages.add(new InstalledPackage(Ecosystem.MAVEN, found.name(), found.version(), null, null, null,
                            path, layer));
                }
            } catch (LockfileException e) {
                throw new IOException(e.getMessage(), e);
            }
        } else if (lower.endsWith("/package.json")) {
            String parent = path.substring(0, path.length() - "/package.json".length());
            int modules = parent.lastIndexOf("node_modules/");
            String expected = modules < 0 ? null : parent.substring(modules + "node_modules/".length());
            JsonNode json = MAPPER.readTree(content);
            String name = json.path("name").asText("");
            String version = json.path("version").asText("");
            // nested package.json files of a package (test fixtures, sub-folders) do not name it
            if (!name.isEmpty() && !version.isEmpty() && name.equals(expected)) {
                packages.add(new InstalledPackage(Ecosystem.NPM, name, version, null, null, null, path, layer));
            }
        } else if (lower.endsWith("/metadata") || lower.endsWith("/pkg-info")) {
            String name = null;
            String version = null;
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    break;
                }
                if (line.startsWith("Name:")) {
                    name = line.substring(5).strip();
                } else if (line.startsWith("Version:")) {
                    version = line.substring(8).strip();
                }
            }
            if (name != null && !name.isEmpty() && version != null && !version.isEmpty()) {
                packages.add(new InstalledPackage(Ecosystem.PYPI, name, version, null, null, null, path, layer));
            }
        } else if (lower.endsWith(".gemspec")) {
            String file = path.substring(path.lastIndexOf('/') + 1, path.length() - ".gemspec".length());
            int dash = file.lastIndexOf('-');
            while (dash > 0 && !Character.isDigit(file.charAt(dash + 1))) {
                dash = file.lastIndexOf('-', dash - 1);
            }
            if (dash > 0) {
                String version = file.substring(dash + 1);
                int platform = version.indexOf('-');
                packages.add(new InstalledPackage(Ecosystem.RUBYGEMS, file.substring(0, dash),
                        platform < 0 ? version : version.substring(0, platform), null, null, null, path, layer));
            }
        } else if (lower.endsWith("installed.json")) {
            JsonNode json = MAPPER.readTree(content);
            JsonNode list = json.isArray() ? json : json.path("packages");
            for (JsonNode pkg : list) {
                String name = pkg.path("name").asText("");
                String version = pkg.path("version").asText("");
                if (!name.isEmpty() && !version.isEmpty() && !version.startsWith("dev-")) {
                    packages.add(new InstalledPackage(Ecosystem.PACKAGIST, name, version, null, null, null, path, layer));
                }
            }
        } else if (lower.endsWith(".deps.json")) {
            JsonNode libraries = MAPPER.readTree(content).path("libraries");
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) libraries::fields) {
                int slash = field.getKey().indexOf('/');
                if (slash > 0 && "package".equals(field.getValue().path("type").asText())) {
                    packages.add(new InstalledPackage(Ecosystem.NUGET, field.getKey().substring(0, slash),
                            field.getKey().substring(slash + 1), null, null, null, path, layer));
                }
            }
        }
    }
}
