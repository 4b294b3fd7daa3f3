package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Pipenv's {@code Pipfile.lock}: the {@code default} and {@code develop} sections, versions written
 * {@code ==1.0}, with their hashes. The lockfile is flat: which packages are direct it does not say.
 */
public final class PipfileLockParser implements LockfileParser {

    @Override
    public String format() {
        return "Pipfile.lock";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("Pipfile.lock");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonDocument document = JsonDocument.parse(file);
        if (!document.root().isObject() || !document.root().has("_meta")) {
            throw new LockfileException("no '_meta' section: not a Pipfile.lock");
        }
        List<LockedPackage> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String section : List.of("default", "develop")) {
            JsonNode entries = JsonDocument.expect(document.root(), section, JsonNodeType.OBJECT, section, warnings);
            var fields = entries.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                String version = JsonDocument.text(entry.getValue(), "version");
                if (version == null || !version.startsWith("==")) {
                    continue;
                }
                LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.PYPI, file.path())
                        .name(entry.getKey()).version(version.substring(2).strip())
                        .line(document.lineOf(entry.getValue())).scope(section.equals("develop") ? "dev" : null);
                JsonNode hashes = entry.getValue().path("hashes");
                if (hashes.size() == 1) {
                    String[] parts = hashes.get(0).asText().split(":", 2);
                    if (parts.length == 2) {
                        builder.hash(Hashes.algorithm(parts[0]), parts[1].toLowerCase(Locale.ROOT));
                    }
                }
                packages.add(builder.build());
            }
        }
        return new LockfileResult(packages, warnings);
    }
}
