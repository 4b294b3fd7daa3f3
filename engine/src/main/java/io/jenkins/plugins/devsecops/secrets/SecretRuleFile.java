package io.jenkins.plugins.devsecops.secrets;

import java.util.List;

/** A rule file as written: a list of rules under {@code rules:}. */
record SecretRuleFile(List<SecretRuleDefinition> rules) {
}
