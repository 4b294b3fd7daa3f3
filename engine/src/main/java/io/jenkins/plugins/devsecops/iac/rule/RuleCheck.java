package io.jenkins.plugins.devsecops.iac.rule;

/** The logic of a rule: records a hit for every problem in the target. */
@FunctionalInterface
public interface RuleCheck {

    void check(RuleTarget target, RuleHits hits);
}
