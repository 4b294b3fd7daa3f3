package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the TOML lockfiles made of {@code [[package]]} blocks: Rust's {@code Cargo.lock}, {@code poetry.lock} and
 * {@code uv.lock}. Packages without a registry source (Cargo workspace members, uv's editable or virtual project)
 * are the project itself: what they depend on is direct.
 */
public final class TomlLockParser implements LockfileParser {

    private final String fileName;
    private final Ecosystem ecosystem;

    private TomlLockParser(String fileName, Ecosystem ecosystem) {
        this.fileName = fileName;
        this.ecosystem = ecosystem;
    }

    public static TomlLockParser cargo() {
        return new TomlLockParser("Cargo.lock", Ecosystem.CARGO);
    }

    public static TomlLockParser poetry() {
        return new TomlLockParser("poetry.lock", Ecosystem.PYPI);
    }

    public static TomlLockParser uv() {
        return new TomlLockParser("uv.lock", Ecosystem.PYPI);
    }

    @Override
    public String format() {
        return fileName;
    }

    @Override
    public boolean accepts(String name) {
        return name.equals(fileName);
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<TomlPackageBlocks.Block> blocks = TomlPackageBlocks.read(file);
        DependencyGraph graph = new DependencyGraph();
        Map<String, String> versionByName = new HashMap<>();
        Map<String, Integer> countByName = new HashMap<>();
        for (TomlPackageBlocks.Block block : blocks) {
            String name = block.value("name");
            if (name != null && block.value("version") != null) {
                String key = ecosystem.normalizeName(name);
                versionByName.put(key, block.value("version"));
                countByName.merge(key, 1, Integer::sum);
            }
        }
        boolean rootsKnown = false;
        for (TomlPackageBlocks.Block block : blocks) {
            String name = block.value("name");
            String version = block.value("version");
            if (name == null || version == null) {
                if (name == null && block.values.isEmpty() && block.dependencies.isEmpty()) {
                    continue;
                }
                if (name == null) {
                    throw new LockfileException("line " + block.line + ": [[package]] without a name");
                }
            }
            String id = ecosystem.normalizeName(name) + "@" + version;
            if (isProject(block)) {
                rootsKnown = true;
                for (String[] dependency : block.dependencies) {
                    graph.root(target(dependency, versionByName, countByName));
                }
                continue;
            }
            if (version == null) {
                continue;
            }
            String category = block.value("category");
            LockedPackage.Builder builder = LockedPackage.builder(ecosystem, file.path()).name(name)
                    .version(version).line(block.line)
                    .scope(category != null && !category.equals("main") ? category : null);
            String checksum = block.value("checksum");
            if (checksum != null && Hashes.algorithmOfHex(checksum) != null) {
                builder.hash(Hashes.algorithmOfHex(checksum), checksum.toLowerCase(Locale.ROOT));
            }
            graph.node(id, name, builder);
            for (String[] dependency : block.dependencies) {
                graph.edge(id, target(dependency, versionByName, countByName));
            }
        }
        return LockfileResult.of(graph.build(rootsKnown));
    }

    private boolean isProject(TomlPackageBlocks.Block block) {
        String source = block.value("source");
        return switch (ecosystem) {
            case CARGO -> source == null;
            case PYPI -> source != null && (source.contains("editable") || source.contains("virtual"));
            default -> false;
        };
    }

    private String target(String[] dependency, Map<String, String> versionByName, Map<String, Integer> countByName) {
        String key = ecosystem.normalizeName(dependency[0]);
        String version = dependency[1];
        if (version == null) {
            if (countByName.getOrDefault(key, 0) != 1) {
                return null;
            }
            version = versionByName.get(key);
        }
        return key + "@" + version;
    }
}
