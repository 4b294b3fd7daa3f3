package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's security at a glance, as the list-view column and the dashboard portlet show it: over the scans of the
 * job's newest scanned build (from its digests), the worst verdict and the open CRITICAL and HIGH findings.
 *
 * @param build the newest scanned build's id
 * @param scanId the first of its scans (the link target)
 * @param verdict the worst verdict over its scans
 * @param critical open CRITICAL findings over its scans
 * @param high open HIGH findings over its scans
 */
public record JobLatest(String build, String scanId, PolicyVerdict verdict, int critical, int high) {

    /** Most urgent first: worst verdict, then most open CRITICAL, then most open HIGH. */
    public static final Comparator<JobLatest> URGENCY = Comparator
            .comparing((JobLatest j) -> j.verdict().ordinal()).reversed()
            .thenComparing(Comparator.comparingInt(JobLatest::critical).reversed())
            .thenComparing(Comparator.comparingInt(JobLatest::high).reversed());

    /** The glance of {@code digests}, empty when there is none. */
    public static Optional<JobLatest> of(List<ScanDigest> digests) {
        Optional<ScanDigest> newest = digests.stream().max(Comparator.comparing((ScanDigest d) -> d.latest().time())
                .thenComparing(d -> d.latest().build()));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String build = newest.get().latest().build();
        PolicyVerdict worst = PolicyVerdict.PASSED;
        int critical = 0;
        int high = 0;
        String first = null;
        for (ScanDigest digest : digests) {
            BuildSummary latest = digest.latest();
            if (!latest.build().equals(build)) {
                continue;
            }
            first = first == null ? digest.scanId() : first;
            worst = worst.worst(latest.verdict());
            critical += latest.open(Severity.CRITICAL);
            high += latest.open(Severity.HIGH);
        }
        return Optional.of(new JobLatest(build, first, worst, critical, high));
    }

    /** The CSS modifier of the verdict: {@code passed}, {@code unstable} or {@code failed}. */
    public String verdictClass() {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    /** The Jenkins status symbol of the verdict. */
    public String icon() {
        return switch (verdict) {
            case FAILED -> "symbol-status-red";
            case UNSTABLE -> "symbol-status-yellow";
            default -> "symbol-status-blue";
        };
    }

    /** The findings page relative to the job's URL, e.g. {@code 12/devsecops/}. */
    public String url() {
        return build + "/" + scanId + "/";
    }

    /** The text of a cell or tooltip, e.g. {@code FAILED: 2 critical, 5 high open}. */
    public String text() {
        return verdict + ": " + critical + " critical, " + high + " high open";
    }
}
