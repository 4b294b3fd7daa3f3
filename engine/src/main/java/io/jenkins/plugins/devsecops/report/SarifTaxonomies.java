package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.ReportingDescriptorRelationship;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.ToolComponent;
import com.contrastsecurity.sarif.ToolComponentReference;
import io.jenkins.plugins.devsecops.compliance.CatalogMatches;
import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.compliance.ComplianceFramework;
import io.jenkins.plugins.devsecops.compliance.ComplianceItem;
import io.jenkins.plugins.devsecops.compliance.ComplianceMatch;
import io.jenkins.plugins.devsecops.model.Finding;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance mapping of one SARIF run as SARIF 2.1.0 taxonomies (§3.14.8 {@code run.taxonomies}): one tool
 * component per framework any result bears on, listing the requirements used ({@code isComprehensive: false}).
 * The mapping is written once per rule, not once per result: each rule's {@code relationships} (§3.49.15) name the
 * requirements every one of its results bears on (with the basis, e.g. {@code CWE-798}, as the relationship's
 * description); a result carries {@code taxa} (§3.27.8) only for requirements beyond its rule's (a finding whose CWE
 * differs from its siblings'). A result thus bears on its rule's related taxa plus its own. Every finding is first
 * {@linkplain #record recorded}, so a rule's relationships are the requirements common to all its findings. Indexes
 * follow first use, so a reference's {@code index} and {@code toolComponent.index} point into the run.
 */
final class SarifTaxonomies {

    private final ComplianceCatalog catalog;
    /** The catalogue's answers, remembered: each finding is asked about twice, and a rule's findings are alike. */
    private final CatalogMatches matching;
    private final Map<String, Used> used = new LinkedHashMap<>();
    /** Rule id → the requirements (by reference) every finding of the rule bears on, with the first basis seen. */
    private final Map<String, Map<String, ComplianceMatch>> common = new LinkedHashMap<>();

    SarifTaxonomies(ComplianceCatalog catalog) {
        this.catalog = catalog;
        this.matching = new CatalogMatches(catalog);
    }

    /** First pass: records the requirements {@code finding} bears on, for its rule and the run's taxonomies. */
    void record(Finding finding) {
        List<ComplianceMatch> matches = matching.all(finding);
        Map<String, ComplianceMatch> keyed = new LinkedHashMap<>();
        for (ComplianceMatch match : matches) {
            reference(match);
            keyed.putIfAbsent(match.reference(), match);
        }
        common.merge(finding.ruleId(), keyed, (shared, mine) -> {
            shared.keySet().retainAll(mine.keySet());
            return shared;
        });
    }

    /** Sets {@code result}'s {@code taxa} to the requirements {@code finding} bears on beyond its rule's, if any. */
    void addTo(Result result, Finding finding) {
        Set<ReportingDescriptorReference> taxa = taxa(finding);
        if (!taxa.isEmpty()) {
            result.setTaxa(taxa);
        }
    }

    /** The requirements {@code finding} bears on beyond its rule's, as SARIF {@code taxa}: empty when none. */
    Set<ReportingDescriptorReference> taxa(Finding finding) {
        List<ComplianceMatch> matches = matching.all(finding);
        if (matches.isEmpty()) {
            return Set.of();
        }
        Map<String, ComplianceMatch> ruleMatches = common.getOrDefault(finding.ruleId(), Map.of());
        Set<ReportingDescriptorReference> taxa = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ComplianceMatch match : matches) {
            if (ruleMatches.containsKey(match.reference()) || !seen.add(match.reference())) {
                continue;
            }
            PropertyBag basis = new PropertyBag();
            basis.setAdditionalProperty("basis", match.basis());
            taxa.add(reference(match).withProperties(basis));
        }
        return taxa;
    }

    /** Adds {@code relationships} to the rules all of whose results bear on a requirement. */
    void relate(Set<ReportingDescriptor> rules) {
        for (ReportingDescriptor rule : rules) {
            Map<String, ComplianceMatch> targets = common.get(rule.getId());
            if (targets == null || targets.isEmpty()) {
                continue;
            }
            Set<ReportingDescriptorRelationship> relationships = new LinkedHashSet<>();
            for (ComplianceMatch target : targets.values()) {
                relationships.add(new ReportingDescriptorRelationship().withTarget(reference(target))
                        .withKinds(new LinkedHashSet<>(List.of("relevant")))
                        .withDescription(new Message().withText(target.basis())));
            }
            rule.setRelationships(relationships);
        }
    }

    /** The taxonomies used, in order of first use; empty when no result bears on a requirement. */
    Set<ToolComponent> taxonomies() {
        Set<ToolComponent> taxonomies = new LinkedHashSet<>();
        for (Used framework : used.values()) {
            Set<ReportingDescriptor> taxa = new LinkedHashSet<>();
            for (ComplianceItem item : framework.items) {
                ReportingDescriptor taxon = new ReportingDescriptor().withId(item.id())
                        .withShortDescription(new MultiformatMessageString().withText(item.title()))
                        .withHelpUri(URI.create(item.source()));
                if (!item.basis().isEmpty()) {
                    taxon.setFullDescription(new MultiformatMessageString().withText(item.basis()));
                }
                taxa.add(taxon);
            }
            taxonomies.add(new ToolComponent().withName(framework.framework.id())
                    .withFullName(framework.framework.name())
                    .withInformationUri(URI.create(framework.framework.source()))
                    .withShortDescription(new MultiformatMessageString().withText(
                            "Mapping: " + framework.framework.mapping()))
                    .withIsComprehensive(false)
                    .withTaxa(taxa));
        }
        return taxonomies;
    }

    /** References to the taxonomies used, for the driver's {@code supportedTaxonomies}. */
    Set<ToolComponentReference> supported() {
        Set<ToolComponentReference> references = new LinkedHashSet<>();
        used.values().forEach(u -> references.add(new ToolComponentReference().withName(u.framework.id())
                .withIndex(u.index)));
        return references;
    }

    private ReportingDescriptorReference reference(ComplianceMatch match) {
        Used framework = used.computeIfAbsent(match.framework(), id -> new Used(
                catalog.framework(id).orElseThrow(), used.size()));
        int index = framework.indexOf(match.item());
        return new ReportingDescriptorReference().withId(match.item()).withIndex(index)
                .withToolComponent(new ToolComponentReference().withName(framework.framework.id())
                        .withIndex(framework.index));
    }

    /** A framework in use: its index among the run's taxonomies and its requirements used so far. */
    private static final class Used {
        private final ComplianceFramework framework;
        private final int index;
        private final List<ComplianceItem> items = new ArrayList<>();

        Used(ComplianceFramework framework, int index) {
            this.framework = framework;
            this.index = index;
        }

        int indexOf(String itemId) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(itemId)) {
                    return i;
                }
            }
            items.add(framework.item(itemId).orElseThrow());
            return items.size() - 1;
        }
    }
}
