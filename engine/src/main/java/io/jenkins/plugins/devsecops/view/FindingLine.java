package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;

/**
 * A finding as one line of a gate table, on the console and on the findings page alike:
 * {@code HIGH aws-sg-open-ssh at infra/main.tf:7}, or {@code CRITICAL GHSA-… in log4j-core@2.14.1} for a package
 * without a file. Names rule and place only, never the finding's text, so the line is safe to log.
 */
public final class FindingLine {

    private FindingLine() {
    }

    /** The line of {@code finding}. */
    public static String of(Finding finding) {
        StringBuilder line = new StringBuilder().append(finding.severity().name()).append(' ')
                .append(finding.ruleId());
        if (finding.location() != null) {
            line.append(" at ").append(finding.location());
        } else if (finding.component() != null) {
            String component = describe(finding.component());
            if (!component.isEmpty()) {
                line.append(" in ").append(component);
            }
        }
        return line.toString();
    }

    private static String describe(Component component) {
        String name = component.name() == null ? "" : component.name();
        if (name.isEmpty()) {
            return component.purl() == null ? "" : component.purl();
        }
        return component.version() == null || component.version().isEmpty() ? name : name + "@" + component.version();
    }
}
