package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One IaC rule: its identity and documentation, and its logic.
 *
 * @param id the stable id users suppress it by, e.g. {@code aws-s3-public-acl}
 * @param platform the language it applies to
 * @param severity how bad a match is
 * @param title a one-line statement of the problem
 * @param cwe the weakness, e.g. {@code CWE-284}
 * @param remediation what to change
 * @param appliesTo which resource types or instructions it looks at, for the catalogue
 * @param check its logic
 * @param resourceTypes the only resource types or kinds it can match, so that evaluation hands it only those
 *     (resources indexed by type); empty when it may look at any target
 */
public record IacRule(String id, IacPlatform platform, Severity severity, String title, String cwe,
        String remediation, String appliesTo, RuleCheck check, Set<String> resourceTypes) {

    /** A rule that may look at any target. */
    public IacRule(String id, IacPlatform platform, Severity severity, String title, String cwe, String remediation,
            String appliesTo, RuleCheck check) {
        this(id, platform, severity, title, cwe, remediation, appliesTo, check, Set.of());
    }

    /** What {@code id.matches("[a-z0-9][a-z0-9-]*")} compiled at each of the ~800 rules of the catalog. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public IacRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A rule id is lower-case kebab-case: " + id);
        }
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(check, "check");
        cwe = cwe == null ? "" : cwe;
        remediation = remediation == null ? "" : remediation;
        appliesTo = appliesTo == null ? "" : appliesTo;
        resourceTypes = resourceTypes == null ? Set.of() : Set.copyOf(resourceTypes);
    }

    /** Starts describing a rule. */
    public static Builder builder(String id, IacPlatform platform) {
        return new Builder(id, platform);
    }

    /** Builds {@link IacRule}s. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final IacPlatform platform;
        private Severity severity = Severity.MEDIUM;
        private String title;
        private String cwe;
        private String remediation;
        private String appliesTo;
        private Set<String> resourceTypes = Set.of();

        private Builder(String id, IacPlatform platform) {
            this.id = id;
            this.platform = platform;
        }

        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder cwe(String value) {
            cwe = value;
            return this;
        }

        public Builder remediation(String value) {
            remediation = value;
            return this;
        }

        public Builder appliesTo(String value) {
            appliesTo = value;
            return this;
        }

        /** The only resource types or kinds the rule can match (its check must ignore every other). */
        public Builder resourceTypes(Set<String> value) {
            resourceTypes = value;
            return this;
        }

        /** Completes the rule with its logic. */
        public IacRule check(RuleCheck value) {
            return new IacRule(id, platform, severity, title, cwe, remediation, appliesTo, value, resourceTypes);
        }
    }
}
