package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an npm {@code package.json} that has no lockfile beside it: its dependencies pinned to an exact version
 * ({@code 1.4.0}, {@code =1.4.0}) are direct packages that can be checked; ranges cannot, and are counted in a
 * warning that recommends committing a lockfile. With a lockfile beside it, the lockfile is authoritative and the
 * manifest is not read.
 */
public final class PackageJsonParser implements LockfileParser {

    private static final Pattern EXACT = Pattern.compile("^=?v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$");
    private static final List<String> LOCKFILES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml");

    @Override
    public String format() {
        return "package.json";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("package.json");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        if (file.path().contains("node_modules/")) {
            return LockfileResult.of(List.of());
        }
        for (String lockfile : LOCKFILES) {
            if (file.sibling(lockfile).isPresent()) {
                return LockfileResult.of(List.of());
            }
        }
        JsonDocument document = JsonDocument.parse(file);
        if (!document.root().isObject()) {
            throw new LockfileException("expected a JSON object");
        }
        List<LockedPackage> packages = new ArrayList<>();
        int ranges = 0;
        String[] lines = file.text().split("\n", -1);
        for (String kind : List.of("dependencies", "devDependencies", "optionalDependencies")) {
            JsonNode dependencies = document.root().path(kind);
            int from = Math.max(0, document.lineOf(dependencies) - 1);
            var fields = dependencies.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                String spec = entry.getValue().asText("").strip();
                if (!EXACT.matcher(spec).matches()) {
                    ranges++;
                    continue;
                }
                String version = spec.replaceFirst("^=?v?", "");
                packages.add(LockedPackage.builder(Ecosystem.NPM, file.path()).name(entry.getKey()).version(version)
                        .line(lineOf(lines, from, "\"" + entry.getKey() + "\"")).direct(true)
                        .dependencyPath(List.of(entry.getKey())).scope(kind.equals("dependencies") ? null
                                : kind.equals("devDependencies") ? "dev" : "optional")
                        .build());
            }
        }
        List<String> warnings = ranges == 0 ? List.of()
                : List.of("no lockfile beside it: " + ranges + " dependencies given as ranges were not checked (commit "
                        + "a package-lock.json, yarn.lock or pnpm-lock.yaml to check every installed package)");
        return new LockfileResult(packages, warnings);
    }

    private static int lineOf(String[] lines, int from, String quotedName) {
        for (int i = from; i < lines.length; i++) {
            int at = lines[i].indexOf(quotedName);
            if (at >= 0 && lines[i].indexOf(':', at + quotedName.length()) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
