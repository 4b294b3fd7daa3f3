package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.List;

/**
 * One resource under check, with every resource of the same unit (Terraform module, Kubernetes scan, CloudFormation
 * template) for rules that look at relations, such as a bucket's separate versioning resource.
 */
public record ResourceTarget(IacResource resource, List<IacResource> unit) implements RuleTarget {

    public ResourceTarget {
        unit = List.copyOf(unit);
    }

    @Override
    public String path() {
        return resource.path();
    }

    /** The resources of the unit of type {@code type}. */
    public List<IacResource> ofType(String type) {
        return unit.stream().filter(r -> r.type().equals(type)).toList();
    }
}
