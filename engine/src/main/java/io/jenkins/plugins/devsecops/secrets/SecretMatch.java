package io.jenkins.plugins.devsecops.secrets;

/**
 * One secret the detector found in a text, before it becomes a finding. Offsets are into the scanned text, end
 * exclusive. Holds no copy of the secret: it stays in the text it was found in.
 *
 * @param rule the rule that matched
 * @param matchStart where the whole match starts
 * @param matchEnd where it ends
 * @param secretStart where the secret value starts
 * @param secretEnd where it ends
 */
public record SecretMatch(SecretRule rule, int matchStart, int matchEnd, int secretStart, int secretEnd) {
}
