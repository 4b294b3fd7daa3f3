package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One resource under check, with every resource of the same unit (Terraform module, Kubernetes scan, CloudFormation
 * template) for rules that look at relations, such as a bucket's separate versioning resource.
 *
 * @param resource the resource under check
 * @param unit every resource of its unit
 * @param memo facts about the unit computed once and shared by every target of the unit (see {@link #memo})
 */
public record ResourceTarget(IacResource resource, List<IacResource> unit, Map<String, Object> memo)
        implements RuleTarget {

    public ResourceTarget {
        unit = List.copyOf(unit);
        memo = memo == null ? new ConcurrentHashMap<>() : memo;
    }

    /** A target with a memo of its own; give targets of one unit the same memo to share computed facts. */
    public ResourceTarget(IacResource resource, List<IacResource> unit) {
        this(resource, unit, null);
    }

    @Override
    public String path() {
        return resource.path();
    }

    /** The resources of the unit of type {@code type}. */
    public List<IacResource> ofType(String type) {
        return unit.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** A fact about the whole unit, computed on first use. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Function<List<IacResource>, T> compute) {
        return (T) memo.computeIfAbsent(key, k -> compute.apply(unit));
    }
}
