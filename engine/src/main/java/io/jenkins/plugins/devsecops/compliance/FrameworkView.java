package io.jenkins.plugins.devsecops.compliance;

import java.util.List;

/**
 * One framework of a {@link ComplianceView}: each requirement with the open findings bearing on it, and the open
 * findings bearing on none of its requirements (listed, never dropped, with the reason).
 *
 * @param mapping how findings are related to it (official CWE lists, or this engine's mapping)
 * @param unmapped open findings that bear on no requirement of this framework, the basis saying why
 */
public record FrameworkView(String id, String name, String source, String mapping, List<RequirementView> requirements,
        List<ComplianceFindingRow> unmapped) {

    public FrameworkView {
        requirements = List.copyOf(requirements);
        unmapped = unmapped instanceof ComplianceRows ? unmapped : List.copyOf(unmapped);
    }

    /** Requirements with at least one open finding. */
    public long attentionCount() {
        return requirements.stream().filter(r -> r.status() == ComplianceStatus.ATTENTION).count();
    }

    /** Requirements with no open finding. */
    public long passCount() {
        return requirements.size() - attentionCount();
    }

    /** The unmapped findings a page lists: at most {@link RequirementView#MAX_SHOWN}. */
    public List<ComplianceFindingRow> unmappedShown() {
        return unmapped.size() <= RequirementView.MAX_SHOWN ? unmapped
                : unmapped.subList(0, RequirementView.MAX_SHOWN);
    }

    /** A fragment id for links within a page, e.g. {@code compliance-PCI-DSS-4.0}; safe characters only. */
    public String anchor() {
        return "compliance-" + id.replaceAll("[^A-Za-z0-9.-]", "-");
    }
}
