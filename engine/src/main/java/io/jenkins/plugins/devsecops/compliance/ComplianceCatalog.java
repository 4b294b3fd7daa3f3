package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compliance frameworks findings are mapped to, read from the engine's resources (one YAML file per framework,
 * each requirement with the address of its source, read at run time from their digest, {@link CatalogDigest}), and
 * the mapping itself: which requirements a finding bears on,
 * and gate references such as {@code PCI-DSS-4.0:6.2.4}. Immutable and thread-safe.
 *
 * <p>The mapping shows which findings bear on which requirement. It does not say a project complies with anything.
 */
public final class ComplianceCatalog {

    /** The resource files of the built-in frameworks, in display order. */
    static final List<String> BUILT_IN = List.of("owasp-top10-2021.yaml", "cwe-top25-2024.yaml", "pci-dss-4.0.yaml",
            "hipaa-security-rule.yaml");

    private static final Pattern CWE = Pattern.compile("(?i)^\\s*CWE[-_ ]?(\\d{1,6})\\s*$");
    private static final ComplianceCatalog BUILT_IN_CATALOG = load();

    private final List<ComplianceFramework> frameworks;
    private final Map<ComplianceItem, List<Pattern>> rulePatterns = new IdentityHashMap<>();
    /** Per item: its place among all items of the catalogue, the bit of {@link #ruleMatches}' sets. */
    private final Map<ComplianceItem, Integer> itemIndex = new IdentityHashMap<>();
    /**
     * Per rule id: the items whose rule patterns match it. Every finding of a rule asks the same questions, and a
     * report asks them for every finding several times over (CSV, page, gates), so each is answered once; at most
     * {@link #MAX_CACHED_RULE_IDS} ids are kept, the rest answered each time.
     */
    private final Map<String, BitSet> ruleMatches = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_RULE_IDS = 4096;

    ComplianceCatalog(List<ComplianceFramework> frameworks) {
        this.frameworks = List.copyOf(frameworks);
        Set<String> ids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ComplianceFramework framework : this.frameworks) {
            if (!ids.add(framework.id())) {
                throw new IllegalArgumentException("Duplicate compliance framework " + framework.id());
            }
            framework.items().forEach(item -> {
                rulePatterns.put(item, item.rulePatterns());
                itemIndex.put(item, itemIndex.size());
            });
        }
    }

    /** The frameworks shipped with the engine: OWASP Top 10 2021, CWE Top 25 2024, PCI DSS v4.0, HIPAA 164.312. */
    public static ComplianceCatalog builtIn() {
        return BUILT_IN_CATALOG;
    }

    /** The built-in frameworks from their pre-digested form ({@link CatalogDigest}), made from the YAML files. */
    private static ComplianceCatalog load() {
        return new ComplianceCatalog(CatalogDigest.readResource());
    }

    /** The built-in frameworks read from their YAML files, as {@link CatalogDigest} digests them. */
    static List<ComplianceFramework> readYaml() {
        StrictYamlReader reader = new StrictYamlReader();
        List<ComplianceFramework> frameworks = new ArrayList<>();
        for (String name : BUILT_IN) {
            try (InputStream in = ComplianceCatalog.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing compliance resource " + name);
                }
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                frameworks.add(reader.read(yaml, name, FrameworkDocument.class).toFramework());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the compliance mapping " + name, e);
            }
        }
        return frameworks;
    }

    /** The frameworks, in display order. */
    public List<ComplianceFramework> frameworks() {
        return frameworks;
    }

    /** The framework with {@code id} (case-insensitive). */
    public Optional<ComplianceFramework> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    /** Every requirement {@code finding} bears on, framework by framework in catalogue order. */
    public List<ComplianceMatch> matches(Finding finding) {
        List<ComplianceMatch> matches = new ArrayList<>();
        for (ComplianceFramework framework : frameworks) {
            matches.addAll(matches(framework, finding));
        }
        return matches;
    }

    /** The requirements of {@code framework} that {@code finding} bears on, in the framework's order. */
    public List<ComplianceMatch> matches(ComplianceFramework framework, Finding finding) {
        List<ComplianceMatch> matches = new ArrayList<>();
        List<String> cwes = normalCwes(finding);
        for (ComplianceItem item : framework.items()) {
            item.basisFor(finding, cwes, ruleMatches(item, finding.ruleId()))
                    .ifPresent(basis -> matches.add(new ComplianceMatch(framework.id(), item.id(), basis)));
        }
        return matches;
    }

    /**
     * The canonical form of a gate reference: {@code FRAMEWORK} (any of its requirements), {@code FRAMEWORK:ITEM}, or
     * {@code FRAMEWORK:PREFIX} where requirements {@code PREFIX.x} exist (e.g. {@code PCI-DSS-4.0:8.3}).
     *
     * @throws IllegalArgumentException naming the unknown framework or requirement and the known ones
     */
    public String canonicalReference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("A compliance reference is empty: expected FRAMEWORK or FRAMEWORK:ITEM, "
                    + "e.g. PCI-DSS-4.0:6.2.4");
        }
        String text = reference.strip();
        int colon = text.indexOf(':');
        String frameworkId = colon < 0 ? text : text.substring(0, colon).strip();
        ComplianceFramework framework = framework(frameworkId).orElseThrow(() -> new IllegalArgumentException(
                "Unknown compliance framework '" + frameworkId + "' in '" + text + "': expected one of "
                        + frameworks.stream().map(ComplianceFramework::id).toList()));
        if (colon < 0) {
            return framework.id();
        }
        String itemId = text.substring(colon + 1).strip();
        Optional<ComplianceItem> item = itemId.isEmpty() ? Optional.empty() : framework.item(itemId);
        if (item.isPresent()) {
            return framework.id() + ":" + item.get().id();
        }
        String prefix = itemId.toLowerCase(Locale.ROOT) + ".";
        if (!itemId.isEmpty() && framework.items().stream()
                .anyMatch(i -> i.id().toLowerCase(Locale.ROOT).startsWith(prefix))) {
            return framework.id() + ":" + itemId;
        }
        throw new IllegalArgumentException("Unknown requirement '" + itemId + "' of " + framework.id() + " in '"
                + text + "': expected one of " + framework.itemIds());
    }

    /**
     * Whether {@code finding} bears on a requirement {@code reference} names (see {@link #canonicalReference}); an
     * unknown reference selects nothing.
     */
    public boolean selects(Finding finding, String reference) {
        String text = reference.strip();
        int colon = text.indexOf(':');
        Optional<ComplianceFramework> framework = framework(colon < 0 ? text : text.substring(0, colon));
        if (framework.isEmpty()) {
            return false;
        }
        String wanted = colon < 0 ? null : text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        List<String> cwes = normalCwes(finding);
        for (ComplianceItem item : framework.get().items()) {
            String id = item.id().toLowerCase(Locale.ROOT);
            if ((wanted == null || id.equals(wanted) || id.startsWith(wanted + "."))
                    && item.basisFor(finding, cwes, ruleMatches(item, finding.ruleId())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code item}'s rule patterns matches {@code ruleId}. */
    private boolean ruleMatches(ComplianceItem item, String ruleId) {
        Integer index = itemIndex.get(item);
        if (index == null || ruleId == null) {
            return ruleId != null && ComplianceItem.ruleMatches(item.rulePatterns(), ruleId);
        }
        BitSet matching = ruleMatches.get(ruleId);
        if (matching == null) {
            BitSet computed = new BitSet(itemIndex.size());
            for (Map.Entry<ComplianceItem, Integer> entry : itemIndex.entrySet()) {
                if (ComplianceItem.ruleMatches(rulePatterns.get(entry.getKey()), ruleId)) {
                    computed.set(entry.getValue());
                }
            }
            matching = computed;
            if (ruleMatches.size() < MAX_CACHED_RULE_IDS) {
                ruleMatches.putIfAbsent(ruleId, computed);
            }
        }
        return matching.get(index);
    }

    private static List<String> normalCwes(Finding finding) {
        List<String> cwes = new ArrayList<>(finding.cwes().size());
        for (String cwe : finding.cwes()) {
            String normal = normalCwe(cwe);
            if (normal != null) {
                cwes.add(normal);
            }
        }
        return cwes;
    }

    /** {@code CWE-79} for {@code CWE-79}, {@code cwe-079} or {@code CWE 79}; {@code null} for anything else. */
    public static String normalCwe(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CWE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        int number = Integer.parseInt(matcher.group(1));
        return number > 0 ? "CWE-" + number : null;
    }

    /** Whether {@code finding} carries at least one well-formed CWE id. */
    public static boolean hasCwe(Finding finding) {
        return finding.cwes().stream().anyMatch(c -> normalCwe(c) != null);
    }

    /** A framework file as written. */
    record FrameworkDocument(String id, String name, String source, String mapping, List<ItemDocument> items) {

        ComplianceFramework toFramework() {
            List<ComplianceItem> list = new ArrayList<>();
            for (ItemDocument item : items == null ? List.<ItemDocument>of() : items) {
                list.add(item.toItem());
            }
            return new ComplianceFramework(id, name, source, mapping, list);
        }
    }

    /** One requirement as written; CWEs as numbers. */
    record ItemDocument(String id, String title, String source, String basis, List<Integer> cwes, List<String> stages,
            List<String> kinds, List<String> rules, Boolean advisories, List<String> excludeStages,
            List<String> excludeKinds) {

        ComplianceItem toItem() {
            Set<String> ids = new TreeSet<>();
            for (Integer cwe : cwes == null ? List.<Integer>of() : cwes) {
                if (cwe == null || cwe < 1) {
                    throw new IllegalArgumentException("Requirement " + id + ": a CWE is not a positive number");
                }
                ids.add("CWE-" + cwe);
            }
            return new ComplianceItem(id, title, source, basis, ids, set(stages), set(kinds), rules,
                    Boolean.TRUE.equals(advisories), set(excludeStages), set(excludeKinds));
        }

        private static Set<String> set(List<String> values) {
            return values == null ? Set.of() : new TreeSet<>(values);
        }
    }
}
