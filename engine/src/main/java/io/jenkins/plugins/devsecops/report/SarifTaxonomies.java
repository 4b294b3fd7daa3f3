package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.ReportingDescriptorRelationship;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.ToolComponent;
import com.contrastsecurity.sarif.ToolComponentReference;
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
 * component per framework any result bears on, listing the requirements used ({@code isComprehensive: false});
 * each result references its requirements in {@code taxa} (§3.27.8), each rule in {@code relationships} (§3.49.15).
 * Indexes follow first use, so a reference's {@code index} and {@code toolComponent.index} point into the run.
 */
final class SarifTaxonomies {

    private final ComplianceCatalog catalog;
    private final Map<String, Used> used = new LinkedHashMap<>();
    private final Map<String, Set<ReportingDescriptorReference>> byRule = new LinkedHashMap<>();

    SarifTaxonomies(ComplianceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Sets {@code result}'s {@code taxa} to the requirements {@code finding} bears on, if any. */
    void addTo(Result result, Finding finding) {
        List<ComplianceMatch> matches = catalog.matches(finding);
        if (matches.isEmpty()) {
            return;
        }
        Set<ReportingDescriptorReference> taxa = new LinkedHashSet<>();
        Set<ReportingDescriptorReference> ruleTaxa = byRule.computeIfAbsent(finding.ruleId(), r -> new LinkedHashSet<>());
        for (ComplianceMatch match : matches) {
            ReportingDescriptorReference reference = reference(match);
            ruleTaxa.add(reference);
            PropertyBag basis = new PropertyBag();
            basis.setAdditionalProperty("basis", match.basis());
            taxa.add(reference(match).withProperties(basis));
        }
        result.setTaxa(taxa);
    }

    /** Adds {@code relationships} to the rules whose results bear on a requirement. */
    void relate(Set<ReportingDescriptor> rules) {
        for (ReportingDescriptor rule : rules) {
            Set<ReportingDescriptorReference> targets = byRule.get(rule.getId());
            if (targets == null || targets.isEmpty()) {
                continue;
            }
            Set<ReportingDescriptorRelationship> relationships = new LinkedHashSet<>();
            for (ReportingDescriptorReference target : targets) {
                relationships.add(new ReportingDescriptorRelationship().withTarget(target)
                        .withKinds(new LinkedHashSet<>(List.of("relevant"))));
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
