package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;

/**
 * Whether a required stage ran.
 *
 * @param stage the stage id
 * @param status what the scan says of it: {@code COMPLETED}, {@code FAILED}, {@code TIMED_OUT}, {@code SKIPPED} or
 *     {@code NOT RUN}
 * @param verdict PASSED when it completed, FAILED otherwise
 */
public record RequiredStageOutcome(String stage, String status, PolicyVerdict verdict) implements Serializable {

    private static final long serialVersionUID = 1L;
}
