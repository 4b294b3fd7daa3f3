package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.ArrayList;
import java.util.List;

/** Collects the matches of one rule on one target. Not thread-safe. */
public final class RuleHits {

    private final List<RuleHit> hits = new ArrayList<>();

    /** Records a raw hit. */
    public void add(RuleHit hit) {
        hits.add(hit);
    }

    /** A problem with an attribute that is present. */
    public void at(IacResource resource, IacNode node, String attribute, String detail) {
        hits.add(new RuleHit(resource.address(), resource.path(), lineOf(resource, node), attribute, detail, false));
    }

    /** A problem with an attribute whose value is a secret. */
    public void secretAt(IacResource resource, IacNode node, String attribute, String detail) {
        hits.add(new RuleHit(resource.address(), resource.path(), lineOf(resource, node), attribute, detail, true));
    }

    /** A problem with a sub-part of a resource that has its own address, e.g. one container of a pod. */
    public void at(IacResource resource, String address, IacNode node, String attribute, String detail) {
        hits.add(new RuleHit(address, resource.path(), lineOf(resource, node), attribute, detail, false));
    }

    /** A required attribute or companion resource is missing: the hit points at the resource. */
    public void missing(IacResource resource, String attribute, String detail) {
        hits.add(new RuleHit(resource.address(), resource.path(), resource.line(), attribute, detail, false));
    }

    private static int lineOf(IacResource resource, IacNode node) {
        return node != null && node.line() > 0 ? node.line() : resource.line();
    }

    /** What was recorded. */
    public List<RuleHit> hits() {
        return List.copyOf(hits);
    }
}
