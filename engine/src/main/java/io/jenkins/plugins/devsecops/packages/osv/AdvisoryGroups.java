package io.jenkins.plugins.devsecops.packages.osv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which advisory records are the same vulnerability (one names the other, or they share an alias such as a CVE),
 * and which of its ids names it: the CVE when there is one, then GHSA, then any other.
 */
public final class AdvisoryGroups {

    /** Orders ids CVE first, then GHSA, then the others, each alphabetically. */
    public static final Comparator<String> ID_ORDER = Comparator.comparingInt(AdvisoryGroups::idRank)
            .thenComparing(Comparator.naturalOrder());

    private AdvisoryGroups() {
    }

    /** Groups records naming each other or sharing an alias (union-find over ids), in first-seen order. */
    public static List<List<OsvRecord>> group(List<OsvRecord> records) {
        Map<String, String> parent = new HashMap<>();
        for (OsvRecord record : records) {
            union(parent, record.id(), record.id());
            for (String alias : record.aliases()) {
                union(parent, record.id(), alias);
            }
        }
        Map<String, List<OsvRecord>> groups = new LinkedHashMap<>();
        for (OsvRecord record : records) {
            groups.computeIfAbsent(find(parent, record.id()), k -> new ArrayList<>()).add(record);
        }
        return new ArrayList<>(groups.values());
    }

    /** The id a finding is named by. */
    public static String primaryId(Collection<String> ids) {
        return ids.stream().min(ID_ORDER).orElseThrow();
    }

    private static int idRank(String id) {
        if (id.startsWith("CVE-")) {
            return 0;
        }
        return id.startsWith("GHSA-") ? 1 : 2;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String rootA = find(parent, a);
        String rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootB, rootA);
        }
    }
}
