package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Finding;
import java.time.Duration;
import java.time.Instant;

/** Decides whether a finding is overdue: open longer than its severity's SLA days. */
public final class SlaClock {

    private final SecurityPolicy policy;
    private final Instant now;

    public SlaClock(SecurityPolicy policy, Instant now) {
        this.policy = policy;
        this.now = now;
    }

    /** Whether {@code finding} (annotated by the history comparison) is past its SLA at this clock's time. */
    public boolean isOverdue(Finding finding) {
        return policy.sla(finding.severity())
                .map(days -> FindingHistory.age(finding, now).compareTo(Duration.ofDays(days)) > 0)
                .orElse(false);
    }
}
