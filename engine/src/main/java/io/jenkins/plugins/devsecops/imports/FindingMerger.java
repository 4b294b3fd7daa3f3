package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges imported findings that describe the same problem into one that lists every tool that reported it.
 * Two findings are the same problem when they share
 * <ul>
 *   <li>an advisory id (CVE, GHSA, ...) and the package (name, and version when both know it), or</li>
 *   <li>a location (path and start line) and a CWE, or the same rule id there, or — for secrets — just the
 *       location, or</li>
 *   <li>the same file and a rule of the same {@link RuleFamilies family} (e.g. Trivy DS002 and Checkov
 *       CKV_DOCKER_3: the container runs as root).</li>
 * </ul>
 * "Same" is transitive. The merged finding takes the text, location and fingerprint of its most severe member
 * (ties broken by tool name, rule id and fingerprint, so the result does not depend on input order), the highest
 * severity and CVSS score, the highest confidence, and the union of identifiers, CWEs and tools (a vulnerable
 * package's finding gets a fingerprint of package, version and advisory instead); the other
 * members' rule ids are listed in the {@code alsoReportedAs} property. It is suppressed only when every member
 * is. Deterministic for a given set of findings.
 */
final class FindingMerger {

    private static final Comparator<Finding> REPRESENTATIVE = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.tools().isEmpty() ? "" : f.tools().get(0).name())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.fingerprint() == null ? "" : f.fingerprint())
            .thenComparing(f -> f.location() == null ? "" : f.location().path());

    private FindingMerger() {
    }

    /** The findings with duplicates merged, in a deterministic order. */
    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(REPRESENTATIVE);
        int[] parent = new int[sorted.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstByKey = new HashMap<>();
        Map<String, Set<Integer>> versionedByLooseKey = new HashMap<>();
        List<Map.Entry<String, Integer>> versionless = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Finding finding = sorted.get(i);
            for (String key : exactKeys(finding)) {
                Integer first = firstByKey.putIfAbsent(key, i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
            Component component = finding.component();
            if (component != null && component.name() != null) {
                for (String id : advisories(finding)) {
                    String loose = packageKey(component.name()) + "\u0000" + id;
                    if (component.version() == null) {
                        versionless.add(Map.entry(loose, i));
                    } else {
                        versionedByLooseKey.computeIfAbsent(loose, k -> new LinkedHashSet<>()).add(i);
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> entry : versionless) {
            Set<Integer> versioned = versionedByLooseKey.get(entry.getKey());
            if (versioned == null) {
                Integer first = firstByKey.putIfAbsent("loose\u0000" + entry.getKey(), entry.getValue());
                if (first != null) {
                    union(parent, first, entry.getValue());
                }
                continue;
            }
            Set<Integer> roots = new LinkedHashSet<>();
            versioned.forEach(i -> roots.add(find(parent, i)));
            if (roots.size() == 1) {
                union(parent, roots.iterator().next(), entry.getValue());
            }
        }
        Map<Integer, List<Finding>> groups = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(sorted.get(i));
        }
        List<Finding> merged = new ArrayList<>(groups.size());
        for (List<Finding> group : groups.values()) {
            merged.add(group.size() == 1 ? withDependencyFingerprint(group.get(0), false)
                    : withDependencyFingerprint(combine(group), true));
        }
        return merged;
    }

    /**
     * A vulnerable package's finding with a fingerprint that does not depend on which tools reported it: package,
     * installed version and the advisory (the lowest CVE id, else the lowest other id). Given to merged findings and
     * to those whose tool gave no fingerprint, so that adding or dropping a scanner does not make an old
     * vulnerability look new.
     */
    static Finding withDependencyFingerprint(Finding finding, boolean merged) {
        Component component = finding.component();
        if (component == null || component.name() == null || (!merged && finding.fingerprint() != null)) {
            return finding;
        }
        Set<String> ids = advisories(finding);
        if (ids.isEmpty()) {
            return finding;
        }
        String advisory = ids.stream().filter(id -> id.startsWith("CVE-")).sorted().findFirst()
                .orElse(ids.stream().sorted().findFirst().orElseThrow());
        String key = "imports-dependency\u0000" + packageKey(component.name()) + "\u0000"
                + (component.version() == null ? "" : component.version().trim()) + "\u0000" + advisory;
        return finding.toBuilder().fingerprint(io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints.sha256(key)).build();
    }

    private static List<String> exactKeys(Finding finding) {
        List<String> keys = new ArrayList<>();
        Component component = finding.component();
        if (component != null && component.name() != null) {
            String version = component.version() == null ? null : component.version().trim();
            if (version != null) {
                for (String id : advisories(finding)) {
                    keys.add("dep\u0000" + packageKey(component.name()) + "\u0000" + version + "\u0000" + id);
                }
            }
            return keys;
        }
        Location location = finding.location();
        String family = RuleFamilies.familyOf(finding.ruleId());
        if (family == null) {
            family = RuleFamilies.familyOf(finding.properties().get("avdId"));
        }
        if (family != null && location != null) {
            keys.add("family\u0000" + location.path() + "\u0000" + family);
        }
        if (location != null && location.startLine() > 0) {
            String place = location.path() + "\u0000" + location.startLine();
            finding.cwes().forEach(cwe -> keys.add("cwe\u0000" + place + "\u0000" + cwe));
            keys.add("rule\u0000" + place + "\u0000" + finding.ruleId().toLowerCase(Locale.ROOT));
            if (FindingKind.SECRET.property().equals(finding.properties().get("kind"))) {
                keys.add("secret\u0000" + place);
            }
        }
        return keys;
    }

    private static Set<String> advisories(Finding finding) {
        Set<String> ids = new LinkedHashSet<>();
        finding.identifiers().stream().filter(SecurityIds::isAdvisory).map(SecurityIds::normalizeAdvisory).forEach(ids::add);
        if (SecurityIds.isAdvisory(finding.ruleId())) {
            ids.add(SecurityIds.normalizeAdvisory(finding.ruleId()));
        }
        return ids;
    }

    /** The package name without its group or scope, lower-cased: tools disagree on whether to include those. */
    static String packageKey(String name) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        int cut = Math.max(trimmed.lastIndexOf(':'), trimmed.lastIndexOf('/'));
        return cut >= 0 && cut < trimmed.length() - 1 ? trimmed.substring(cut + 1) : trimmed;
    }

    private static int find(int[] parent, int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[i] != root) {
            int next = parent[i];
            parent[i] = root;
            i = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    private static Finding combine(List<Finding> group) {
        Finding representative = group.get(0);
        Finding.Builder builder = representative.toBuilder();
        Set<ToolInfo> tools = new LinkedHashSet<>(representative.tools());
        Set<String> others = new LinkedHashSet<>();
        Map<String, String> locations = new LinkedHashMap<>();
        Cvss cvss = representative.cvss();
        Confidence confidence = representative.confidence();
        Component component = representative.component();
        boolean allSuppressed = representative.suppression() != null;
        for (Finding member : group.subList(1, group.size())) {
            builder.identifiers(member.identifiers()).cwes(member.cwes());
            member.tools().stream().filter(tools::add).forEach(builder::tool);
            String name = member.tools().isEmpty() ? "" : member.tools().get(0).name() + ":";
            if (!member.ruleId().equals(representative.ruleId()) || !member.tools().equals(representative.tools())) {
                others.add(name + member.ruleId());
            }
            cvss = CvssScores.higher(cvss, member.cvss());
            if (member.confidence().ordinal() < confidence.ordinal()) {
                confidence = member.confidence();
            }
            if (component == null || component.version() == null && member.component() != null
                    && member.component().version() != null) {
                component = member.component();
            }
            if (representative.fixedVersion() == null && member.fixedVersion() != null) {
                builder.fixedVersion(member.fixedVersion());
            }
            if (representative.remediation() == null && member.remediation() != null) {
                builder.remediation(member.remediation());
            }
            if (representative.location() == null && member.location() != null) {
                builder.location(member.location());
            } else if (member.location() != null && representative.location() != null
                    && !member.location().path().equals(representative.location().path())) {
                locations.put(member.location().path(), member.location().path());
            }
            allSuppressed &= member.suppression() != null;
        }
        builder.cvss(cvss).confidence(confidence).component(component)
                .suppression(allSuppressed ? representative.suppression() : null);
        if (!others.isEmpty()) {
            builder.property("alsoReportedAs", String.join(", ", others));
        }
        if (!locations.isEmpty()) {
            builder.property("otherLocations", String.join(", ", locations.keySet().stream().limit(20).toList()));
        }
        return builder.build();
    }
}
