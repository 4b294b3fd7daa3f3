package io.jenkins.plugins.devsecops.secrets;

import java.util.List;

/**
 * One rule exactly as written in a rule file, before validation. See {@code docs/stages/secrets.md} for the format.
 */
record SecretRuleDefinition(String id, String title, String provider, String severity, List<String> keywords,
        String pattern, Integer secretGroup, Boolean multiline, Double minEntropy, List<String> files,
        String remediation, List<String> references, List<String> examples, List<String> counterExamples) {
}
