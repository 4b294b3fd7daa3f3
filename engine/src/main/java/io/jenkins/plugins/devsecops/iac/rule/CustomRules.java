package io.jenkins.plugins.devsecops.iac.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads declarative rules from YAML, so that teams add checks without Java. A rule names a platform, the resource
 * types or kinds it applies to, an attribute path and a condition; it matches when the condition holds:
 *
 * <pre>
 * rules:
 *   - id: org-s3-owner-tag
 *     title: Buckets must name an owner
 *     severity: low
 *     cwe: CWE-1059
 *     remediation: Add an owner tag.
 *     platform: terraform          # terraform | kubernetes | cloudformation
 *     resource: aws_s3_bucket      # comma-separated types or kinds, or *
 *     attribute: tags.owner        # dotted path; lists are searched
 *     condition: missing           # missing | present | equals | not-equals | matches | not-matches | contains | not-contains
 *     value: ...                   # for the comparing conditions; matches uses RE2 syntax
 * </pre>
 */
public final class CustomRules {

    private static final int MAX_RULES = 1000;
    private static final int MAX_PATTERN = 1000;
    private static final Set<String> CONDITIONS = Set.of("missing", "present", "equals", "not-equals", "matches",
            "not-matches", "contains", "not-contains");

    private CustomRules() {
    }

    /**
     * The rules declared in one YAML file.
     *
     * @throws IacParseException naming the first invalid rule
     */
    public static List<IacRule> parse(String text) throws IacParseException {
        List<IacNode> documents = YamlDocuments.parse(text);
        List<IacRule> rules = new ArrayList<>();
        for (IacNode document : documents) {
            if (!(document instanceof IacNode.Mapping root)
                    || !(root.get("rules").orElse(null) instanceof IacNode.Sequence declared)) {
                throw new IacParseException("A custom rule file is a mapping with a 'rules' list");
            }
            for (IacNode item : declared.items()) {
                if (rules.size() >= MAX_RULES) {
                    throw new IacParseException("More than " + MAX_RULES + " custom rules");
                }
                if (!(item instanceof IacNode.Mapping rule)) {
                    throw new IacParseException("Rule at line " + item.line() + " is not a mapping");
                }
                rules.add(toRule(rule));
            }
        }
        return rules;
    }

    private static String required(IacNode.Mapping rule, String key) throws IacParseException {
        String value = rule.text(key).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new IacParseException("Rule at line " + rule.line() + " needs '" + key + "'");
        }
        return value;
    }

    private static IacRule toRule(IacNode.Mapping rule) throws IacParseException {
        String id = required(rule, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IacParseException("Rule id '" + id + "' at line " + rule.line()
                    + " must be lower-case letters, digits and dashes");
        }
        IacPlatform platform;
        try {
            platform = IacPlatform.valueOf(required(rule, "platform").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IacParseException("Rule " + id + ": platform must be terraform, kubernetes or cloudformation");
        }
        if (platform == IacPlatform.DOCKERFILE) {
            throw new IacParseException("Rule " + id + ": custom Dockerfile rules are not supported");
        }
        Severity severity;
        try {
            severity = Severity.parse(rule.text("severity").orElse("medium"));
        } catch (IllegalArgumentException e) {
            throw new IacParseException("Rule " + id + ": " + e.getMessage());
        }
        String types = required(rule, "resource");
        String attribute = required(rule, "attribute");
        String condition = required(rule, "condition").toLowerCase(Locale.ROOT);
        if (!CONDITIONS.contains(condition)) {
            throw new IacParseException("Rule " + id + ": unknown condition '" + condition + "', expected one of "
                    + String.join(", ", CONDITIONS.stream().sorted().toList()));
        }
        String value = rule.text("value").orElse(null);
        if (!condition.equals("missing") && !condition.equals("present") && value == null) {
            throw new IacParseException("Rule " + id + ": condition '" + condition + "' needs a 'value'");
        }
        Pattern pattern = null;
        if (condition.endsWith("matches")) {
            if (value.length() > MAX_PATTERN) {
                throw new IacParseException("Rule " + id + ": pattern longer than " + MAX_PATTERN + " characters");
            }
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IacParseException("Rule " + id + ": invalid pattern: " + e.getMessage());
            }
        }
        Set<String> wanted = Set.of(types.split("\\s*,\\s*"));
        ResourceCheck check = check(attribute, condition, value, pattern);
        return IacRule.builder(id, platform).severity(severity).title(rule.text("title").orElse(id))
                .cwe(rule.text("cwe").orElse("")).remediation(rule.text("remediation").orElse(""))
                .appliesTo(types)
                .resourceTypes(wanted.contains("*") ? Set.of() : wanted)
                .check((target, hits) -> {
                    if (target instanceof ResourceTarget resourceTarget
                            && resourceTarget.resource().platform() == platform
                            && (wanted.contains("*") || wanted.contains(resourceTarget.resource().type()))) {
                        check.check(resourceTarget.resource(), resourceTarget, hits);
                    }
                });
    }

    private static ResourceCheck check(String attribute, String condition, String value, Pattern pattern) {
        return (IacResource resource, ResourceTarget target, RuleHits hits) -> {
            List<IacNode> found = resource.body().all(attribute);
            switch (condition) {
                case "missing" -> {
                    if (found.isEmpty()) {
                        hits.missing(resource, attribute, attribute + " is missing");
                    }
                }
                case "present" -> found.forEach(node -> hits.at(resource, node, attribute, attribute + " is set"));
                case "contains", "not-contains" -> {
                    if (found.isEmpty()) {
                        return;
                    }
                    boolean contains = found.stream().anyMatch(node -> node instanceof IacNode.Scalar s
                            && (s.text().equals(value) || s.text().contains(value)));
                    if (contains == condition.equals("contains")) {
                        hits.at(resource, found.get(0), attribute, attribute
                                + (contains ? " contains " : " does not contain ") + value);
                    }
                }
                default -> {
                    for (IacNode node : found) {
                        if (!(node instanceof IacNode.Scalar scalar)) {
                            continue;
                        }
                        boolean holds = switch (condition) {
                            case "equals" -> scalar.text().equals(value);
                            case "not-equals" -> !scalar.text().equals(value);
                            case "matches" -> pattern.matcher(scalar.text()).find();
                            default -> !pattern.matcher(scalar.text()).find();
                        };
                        if (holds) {
                            hits.at(resource, scalar, attribute, attribute + " " + condition.replace('-', ' ')
                                    + " " + value);
                        }
                    }
                }
            }
        };
    }
}
