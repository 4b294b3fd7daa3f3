package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.io.Serializable;

/**
 * A gate's outcome as a summary keeps it: no findings, just the numbers.
 *
 * @param gate the gate id
 * @param actual the measured count
 * @param threshold the count at which it trips
 * @param verdict PASSED, UNSTABLE or FAILED
 */
public record GateRow(String gate, long actual, int threshold, PolicyVerdict verdict) implements Serializable {

    private static final long serialVersionUID = 1L;
}
