package io.jenkins.plugins.devsecops.iac.rule;

/**
 * Where a rule matched.
 *
 * @param address the resource address, e.g. {@code aws_s3_bucket.data} or {@code Deployment/web container app}
 * @param path the file, relative to the scan root
 * @param line the line of the offending attribute, or of the resource when an attribute is missing
 * @param attribute the attribute path concerned, e.g. {@code versioning.enabled}
 * @param detail what exactly is wrong, never containing a secret value
 * @param sensitive whether the line holds a secret, so that its snippet must be redacted
 */
public record RuleHit(String address, String path, int line, String attribute, String detail, boolean sensitive) {
}
