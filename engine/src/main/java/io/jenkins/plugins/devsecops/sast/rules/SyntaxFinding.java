package io.jenkins.plugins.devsecops.sast.rules;

/**
 * A syntax rule's hit.
 *
 * @param rule the rule
 * @param path the file
 * @param line the line
 * @param method the enclosing method, {@code Owner.name}
 * @param detail what was seen, e.g. {@code DocumentBuilderFactory.newInstance() without hardening}
 */
public record SyntaxFinding(SyntaxRule rule, String path, int line, String method, String detail) {
}
