package io.jenkins.plugins.devsecops.secrets;

import java.util.List;

/**
 * What loading rule files gave: the rules that are usable and the problems with the others.
 *
 * @param rules the valid rules, in file order
 * @param problems one entry per rejected rule or unreadable file
 */
public record LoadedRules(List<SecretRule> rules, List<RuleProblem> problems) {

    public LoadedRules {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }
}
