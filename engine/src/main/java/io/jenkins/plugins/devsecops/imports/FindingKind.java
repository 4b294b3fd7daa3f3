package io.jenkins.plugins.devsecops.imports;

import java.util.Locale;

/** What kind of problem an imported finding describes; decides how duplicates across tools are recognised. */
public enum FindingKind {
    /** A vulnerable package: merged by advisory id and package. */
    DEPENDENCY,
    /** A weakness in source code: merged by CWE or rule and location. */
    CODE,
    /** A leaked credential: merged by location. */
    SECRET,
    /** A misconfiguration in infrastructure as code or a container file: merged by CWE or rule and location. */
    CONFIG,
    /** A finding against a running web application (DAST). */
    WEB;

    /** The value of the {@code kind} property on imported findings. */
    public String property() {
        return name().toLowerCase(Locale.ROOT);
    }
}
