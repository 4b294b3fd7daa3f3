package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dependencies a Maven {@code pom.xml} declares, with versions from its properties, its
 * {@code dependencyManagement} and those of its parents found in the same tree (by {@code relativePath}, by default
 * {@code ../pom.xml}) and of the BOMs it imports that are in the same tree. Dependencies whose version stays unknown
 * (a range, an unresolved property, a BOM import from outside the tree) are named in a warning, not guessed.
 */
public final class MavenPomParser implements LockfileParser {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]{1,200})}");
    private static final int MAX_PARENTS = 10;
    private static final int MAX_IMPORT_DEPTH = 3;

    @Override
    public String format() {
        return "pom.xml";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("pom.xml");
    }

    /** What one pom of the chain contributes. */
    private record Pom(XmlElement project, Lockfile file) {
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        XmlElement project = XmlElement.parse(file.bytes());
        if (!project.name().equals("project")) {
            throw new LockfileException("the root element is not <project>");
        }
        List<Pom> chain = new ArrayList<>();
        chain.add(new Pom(project, file));
        loadParents(chain);
        Map<String, String> properties = properties(chain);
        Map<String, String> managed = managedVersions(chain, properties, 0);
        List<LockedPackage> packages = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        project.child("dependencies").ifPresent(deps -> deps.children("dependency").forEach(dependency -> {
            String groupId = resolve(dependency.childText("groupId"), properties);
            String artifactId = resolve(dependency.childText("artifactId"), properties);
            if (groupId == null || artifactId == null) {
                return;
            }
            String name = groupId + ":" + artifactId;
            String version = resolve(dependency.childText("version"), properties);
            if (version == null) {
                version = managed.get(name);
            }
            if (version == null || version.contains("${") || version.startsWith("[") || version.startsWith("(")
                    || version.contains(",")) {
                unresolved.add(name + (version == null ? "" : "@" + version));
                return;
            }
            String scope = resolve(dependency.childText("scope"), properties);
            boolean optional = "true".equals(dependency.childText("optional"));
            packages.add(LockedPackage.builder(Ecosystem.MAVEN, file.path()).name(name).version(version)
                    .line(dependency.line()).direct(true).dependencyPath(List.of(name))
                    .scope(scope == null || scope.equals("compile") || scope.equals("runtime")
                            ? optional ? "optional" : null : scope)
                    .build());
        }));
        List<String> warnings = unresolved.isEmpty() ? List.of()
                : List.of(unresolved.size() + " dependencies without a resolvable version were not checked: "
                        + String.join(", ", unresolved.subList(0, Math.min(10, unresolved.size())))
                        + (unresolved.size() > 10 ? ", ..." : ""));
        return new LockfileResult(packages, warnings);
    }

    /**
     * The versions the chain's {@code dependencyManagement} sets, nearest pom first, then those of the BOMs it imports
     * ({@code <type>pom</type><scope>import</scope>}) that are in the scanned tree, which never override a version
     * set directly.
     */
    private static Map<String, String> managedVersions(List<Pom> chain, Map<String, String> properties, int depth) {
        Map<String, String> managed = new HashMap<>();
        List<XmlElement> imports = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).project().child("dependencyManagement").flatMap(m -> m.child("dependencies"))
                    .ifPresent(deps -> deps.children("dependency").forEach(dependency -> {
                        if ("import".equals(resolve(dependency.childText("scope"), properties))) {
                            imports.add(dependency);
                            return;
                        }
                        String key = resolve(dependency.childText("groupId"), properties) + ":"
                                + resolve(dependency.childText("artifactId"), properties);
                        String version = resolve(dependency.childText("version"), properties);
                        if (version != null) {
                            managed.put(key, version);
                        }
                    }));
        }
        if (depth < MAX_IMPORT_DEPTH) {
            for (XmlElement imported : imports) {
                Pom bom = importedBom(chain.get(0).file(), resolve(imported.childText("groupId"), properties),
                        resolve(imported.childText("artifactId"), properties),
                        resolve(imported.childText("version"), properties));
                if (bom != null) {
                    List<Pom> bomChain = new ArrayList<>();
                    bomChain.add(bom);
                    loadParents(bomChain);
                    managedVersions(bomChain, properties(bomChain), depth + 1).forEach(managed::putIfAbsent);
                }
            }
        }
        return managed;
    }

    /**
     * An imported BOM in the scanned tree, found by its coordinates where multi-module builds keep it: a directory
     * named after its artifact id, or {@code bom}, beside this pom or beside one of its enclosing directories (up to
     * five levels). Its artifact id, group id and version must match; a BOM from a repository is not fetched.
     */
    private static Pom importedBom(Lockfile from, String groupId, String artifactId, String version) {
        if (groupId == null || artifactId == null || version == null || artifactId.contains("/")
                || artifactId.contains("\\") || artifactId.startsWith(".")) {
            return null;
        }
        String up = "";
        for (int level = 0; level <= 5; level++) {
            for (String directory : List.of(artifactId, "bom")) {
                Lockfile candidate = from.sibling(up + directory + "/pom.xml").orElse(null);
                if (candidate == null || candidate.path().equals(from.path())) {
                    continue;
                }
                try {
                    XmlElement project = XmlElement.parse(candidate.bytes());
                    Map<String, String> own = properties(List.of(new Pom(project, candidate)));
                    if (artifactId.equals(project.childText("artifactId"))
                            && groupId.equals(own.get("project.groupId")) && version.equals(own.get("project.version"))) {
                        return new Pom(project, candidate);
                    }
                } catch (LockfileException e) {
                    // not a readable pom: try the next candidate
                }
            }
            up += "../";
        }
        return null;
    }

    private static void loadParents(List<Pom> chain) {
        while (chain.size() <= MAX_PARENTS) {
            Pom last = chain.get(chain.size() - 1);
            XmlElement parent = last.project().child("parent").orElse(null);
            if (parent == null) {
                return;
            }
            String relative = parent.childText("relativePath");
            if (relative == null) {
                relative = "../pom.xml";
            }
            if (!relative.endsWith(".xml")) {
                relative = relative + "/pom.xml";
            }
            Pom found = parentPom(last.file(), relative, parent);
            if (found == null) {
                return;
            }
            chain.add(found);
        }
    }

    /**
     * The parent pom: at {@code relativePath}, else the first {@code pom.xml} of an enclosing directory (up to five
     * levels) whose artifact id matches, as in aggregator trees whose modules name no relative path.
     */
    private static Pom parentPom(Lockfile child, String relative, XmlElement reference) {
        List<String> candidates = new ArrayList<>();
        candidates.add(relative);
        String up = "";
        for (int level = 0; level < 5; level++) {
            up += "../";
            candidates.add(up + "pom.xml");
        }
        for (String candidate : new java.util.LinkedHashSet<>(candidates)) {
            Lockfile parentFile = child.sibling(candidate).orElse(null);
            if (parentFile == null || parentFile.path().equals(child.path())) {
                continue;
            }
            try {
                XmlElement parentProject = XmlElement.parse(parentFile.bytes());
                if (sameCoordinates(reference, parentProject)) {
                    return new Pom(parentProject, parentFile);
                }
            } catch (LockfileException e) {
                // not a readable pom: try the next candidate
            }
        }
        return null;
    }

    private static boolean sameCoordinates(XmlElement parentReference, XmlElement parentProject) {
        String artifactId = parentReference.childText("artifactId");
        return artifactId != null && artifactId.equals(parentProject.childText("artifactId"));
    }

    private static Map<String, String> properties(List<Pom> chain) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            XmlElement project = chain.get(i).project();
            project.child("properties").ifPresent(p -> p.children().forEach(c -> properties.put(c.name(), c.text())));
        }
        XmlElement project = chain.get(0).project();
        XmlElement parent = project.child("parent").orElse(null);
        String groupId = project.childText("groupId");
        String version = project.childText("version");
        if (parent != null) {
            groupId = groupId == null ? parent.childText("groupId") : groupId;
            version = version == null ? parent.childText("version") : version;
            putIfText(properties, "project.parent.version", parent.childText("version"));
            putIfText(properties, "project.parent.groupId", parent.childText("groupId"));
        }
        putIfText(properties, "project.groupId", groupId);
        putIfText(properties, "project.version", version);
        putIfText(properties, "project.artifactId", project.childText("artifactId"));
        putIfText(properties, "pom.version", version);
        putIfText(properties, "pom.groupId", groupId);
        putIfText(properties, "version", version);
        return properties;
    }

    private static void putIfText(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** {@code value} with its {@code ${property}} references replaced, up to ten levels deep. */
    static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String result = value;
        for (int depth = 0; depth < 10 && result.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(result);
            StringBuilder replaced = new StringBuilder();
            boolean changed = false;
            while (matcher.find()) {
                String replacement = properties.get(matcher.group(1));
                if (replacement != null) {
                    changed = true;
                }
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(
                        replacement != null ? replacement : matcher.group()));
            }
            matcher.appendTail(replaced);
            result = replaced.toString();
            if (!changed || result.length() > 10_000) {
                break;
            }
        }
        return result.strip();
    }
}
