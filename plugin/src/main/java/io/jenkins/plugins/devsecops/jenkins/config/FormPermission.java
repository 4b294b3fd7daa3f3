package io.jenkins.plugins.devsecops.jenkins.config;

import hudson.model.Item;
import io.jenkins.plugins.util.JenkinsFacade;
import jenkins.model.Jenkins;

/**
 * Who may use the form endpoints of a step or global-policy part: within a job, whoever may configure it;
 * outside a job (Manage Jenkins), administrators only.
 */
final class FormPermission {

    private final JenkinsFacade jenkins;

    FormPermission(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    FormPermission() {
        this(new JenkinsFacade());
    }

    /** Whether the current user may configure {@code item}, or Jenkins itself when {@code item} is null. */
    boolean canConfigure(Item item) {
        return item == null ? jenkins.hasPermission(Jenkins.ADMINISTER) : jenkins.hasPermission(Item.CONFIGURE, item);
    }
}
