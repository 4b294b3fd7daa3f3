package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacResource;

/** The logic of a rule about one resource. */
@FunctionalInterface
public interface ResourceCheck {

    void check(IacResource resource, ResourceTarget target, RuleHits hits);
}
