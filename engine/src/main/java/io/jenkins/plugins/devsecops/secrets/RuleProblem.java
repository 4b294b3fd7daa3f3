package io.jenkins.plugins.devsecops.secrets;

/**
 * Why a rule, or a whole rule file, could not be loaded.
 *
 * @param file the rule file, relative to the scan root for user rules
 * @param ruleId the rule's id, or {@code null} when the whole file is unusable
 * @param message what is wrong
 */
public record RuleProblem(String file, String ruleId, String message) {

    /** A one-line description naming file and rule. */
    public String describe() {
        return ruleId == null ? file + ": " + message : file + ": rule '" + ruleId + "': " + message;
    }
}
