package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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

    /**
     * The findings with duplicates merged, in a deterministic order. Bounded memory for a spilled list (see
     * {@link FindingList}): the findings are sorted externally and read in order; only their merge keys are kept, as
     * small tuples of interned strings and line numbers ({@link MergeKeys}), with two ints per finding for the groups;
     * each group's members are read back by index and the merged findings go to a list that spills in turn.
     */
    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = FindingList.sorted(findings, REPRESENTATIVE);
        int size = sorted.size();
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        MergeKeys keys = new MergeKeys();
        Map<Long, MergeKeys.Indexes> versionedByLooseKey = new HashMap<>();
        long[] versionlessKeys = new long[16];
        int[] versionlessIndexes = new int[16];
        int versionless = 0;
        int i = 0;
        for (Finding finding : sorted) {
            int index = i++;
            exactKeys(finding, keys, index, parent);
            Component component = finding.component();
            if (component != null && component.name() != null) {
                int packageId = keys.id(packageKey(component.name()));
                for (String id : advisories(finding)) {
                    long loose = MergeKeys.pair(packageId, keys.id(id));
                    if (component.version() == null) {
                        if (versionless == versionlessKeys.length) {
                            versionlessKeys = Arrays.copyOf(versionlessKeys, versionless * 2);
                            versionlessIndexes = Arrays.copyOf(versionlessIndexes, versionless * 2);
                        }
                        versionlessKeys[versionless] = loose;
                        versionlessIndexes[versionless++] = index;
                    } else {
                        versionedByLooseKey.computeIfAbsent(loose, k -> new MergeKeys.Indexes()).add(index);
                    }
                }
            }
        }
        for (int v = 0; v < versionless; v++) {
            int index = versionlessIndexes[v];
            MergeKeys.Indexes versioned = versionedByLooseKey.get(versionlessKeys[v]);
            if (versioned == null) {
                long loose = versionlessKeys[v];
                join(parent, keys.firstIndex(MergeKeys.LOOSE, (int) (loose >>> 32), (int) loose, 0, index), index);
                continue;
            }
            int root = find(parent, versioned.get(0));
            boolean oneRoot = true;
            for (int k = 1; k < versioned.size() && oneRoot; k++) {
                oneRoot = find(parent, versioned.get(k)) == root;
            }
            if (oneRoot) {
                union(parent, root, index);
            }
        }
        keys = null;
        versionedByLooseKey = null;
        // each group as a chain in index order from its root, the smallest index: next[m] is m's group's next member
        int[] next = new int[size];
        int[] tail = new int[size];
        for (int m = 0; m < size; m++) {
            int root = find(parent, m);
            next[m] = -1;
            if (root == m) {
                tail[m] = m;
            } else {
                next[tail[root]] = m;
                tail[root] = m;
            }
        }
        tail = null;
        FindingList.Builder merged = FindingList.builder();
        int m = 0;
        for (Finding finding : sorted) {
            int index = m++;
            if (parent[index] != index) {
                continue; // a member, read back with its group
            }
            if (next[index] < 0) {
                Finding single = withDependencyFingerprint(finding, false);
                if (single == finding) {
                    merged.addFrom(sorted, index, finding);
                } else {
                    merged.add(single);
                }
            } else {
                merged.add(withDependencyFingerprint(combine(finding, members(sorted, next, index)), true));
            }
        }
        return merged.build();
    }

    /** The members of the group whose root is {@code root}, after the root, read back by index in order. */
    private static Iterable<Finding> members(List<Finding> sorted, int[] next, int root) {
        return () -> new Iterator<>() {
            private int at = next[root];

            @Override
            public boolean hasNext() {
                return at >= 0;
            }

            @Override
            public Finding next() {
                if (at < 0) {
                    throw new NoSuchElementException();
                }
                Finding member = FindingList.readOne(sorted, at);
                at = next[at];
                return member;
            }
        };
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

    /** Puts the finding's exact keys (see the class comment) and joins it to the first finding of each. */
    private static void exactKeys(Finding finding, MergeKeys keys, int index, int[] parent) {
        Component component = finding.component();
        if (component != null && component.name() != null) {
            if (component.version() != null) {
                int packageId = keys.id(packageKey(component.name()));
                int versionId = keys.id(component.version().trim());
                for (String id : advisories(finding)) {
                    join(parent, keys.firstIndex(MergeKeys.DEPENDENCY, packageId, versionId, keys.id(id), index), index);
                }
            }
            return;
        }
        Location location = finding.location();
        String family = RuleFamilies.familyOf(finding.ruleId());
        if (family == null) {
            family = RuleFamilies.familyOf(finding.properties().get("avdId"));
        }
        if (family != null && location != null) {
            join(parent, keys.firstIndex(MergeKeys.FAMILY, keys.id(location.path()), keys.id(family), 0, index), index);
        }
        if (location != null && location.startLine() > 0) {
            int path = keys.id(location.path());
            int line = location.startLine();
            for (String cwe : finding.cwes()) {
                join(parent, keys.firstIndex(MergeKeys.CWE, path, line, keys.id(cwe), index), index);
            }
            join(parent, keys.firstIndex(MergeKeys.RULE, path, line, keys.id(finding.ruleId().toLowerCase(Locale.ROOT)),
                    index), index);
            if (FindingKind.SECRET.property().equals(finding.properties().get("kind"))) {
                join(parent, keys.firstIndex(MergeKeys.SECRET, path, line, 0, index), index);
            }
        }
    }

    private static void join(int[] parent, int first, int index) {
        if (first != index) {
            union(parent, first, index);
        }
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

    private static Finding combine(Finding representative, Iterable<Finding> members) {
        Finding.Builder builder = representative.toBuilder();
        Set<ToolInfo> tools = new LinkedHashSet<>(representative.tools());
        Set<String> others = new LinkedHashSet<>();
        Map<String, String> locations = new LinkedHashMap<>();
        Cvss cvss = representative.cvss();
        Confidence confidence = representative.confidence();
        Component component = representative.component();
        boolean allSuppressed = representative.suppression() != null;
        for (Finding member : members) {
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
