package io.jenkins.plugins.devsecops.iac.cloudformation;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the resources of a CloudFormation template (YAML with short-form tags already expanded, or JSON).
 * {@code Ref}s to parameters that have a {@code Default} are replaced by the default, so that rules see the value the
 * stack gets when nobody overrides it.
 */
public final class CloudFormationTemplates {

    private static final int MAX_DEPTH = 100;

    private CloudFormationTemplates() {
    }

    /** Whether a document is a CloudFormation template. */
    public static boolean isTemplate(IacNode document) {
        if (!(document instanceof IacNode.Mapping template)) {
            return false;
        }
        if (template.has("AWSTemplateFormatVersion")) {
            return true;
        }
        if (template.get("Resources").orElse(null) instanceof IacNode.Mapping resources) {
            return resources.entries().values().stream().anyMatch(r -> r instanceof IacNode.Mapping m
                    && m.text("Type").filter(t -> t.contains("::")).isPresent());
        }
        return false;
    }

    /** The resources of a template. */
    public static List<IacResource> read(String path, IacNode document) {
        List<IacResource> resources = new ArrayList<>();
        if (!(document instanceof IacNode.Mapping template)
                || !(template.get("Resources").orElse(null) instanceof IacNode.Mapping declared)) {
            return resources;
        }
        Map<String, IacNode> defaults = new LinkedHashMap<>();
        template.mapping("Parameters").ifPresent(parameters -> parameters.entries().forEach((name, parameter) -> {
            if (parameter instanceof IacNode.Mapping p) {
                p.get("Default").ifPresent(value -> defaults.put(name, value));
            }
        }));
        IacNode.Mapping globals = template.mapping("Globals").orElse(IacNode.Mapping.empty(0));
        declared.entries().forEach((logicalId, node) -> {
            if (node instanceof IacNode.Mapping resource) {
                String type = resource.text("Type").orElse("");
                IacNode.Mapping properties = resource.get("Properties").orElse(null) instanceof IacNode.Mapping p
                        ? p : IacNode.Mapping.empty(resource.line());
                properties = withGlobals(type, properties, globals);
                IacNode.Mapping resolved = (IacNode.Mapping) substitute(properties, defaults, 0);
                resources.add(new IacResource(IacPlatform.CLOUDFORMATION, "resource", type, logicalId,
                        type + "/" + logicalId, path, resource.line(), resolved));
            }
        });
        return resources;
    }

    /**
     * The properties of a SAM resource completed by the template's {@code Globals} section for its kind (e.g.
     * {@code Globals.Function} for {@code AWS::Serverless::Function}); the resource's own properties win.
     */
    private static IacNode.Mapping withGlobals(String type, IacNode.Mapping properties, IacNode.Mapping globals) {
        if (!type.startsWith("AWS::Serverless::")) {
            return properties;
        }
        Optional<IacNode.Mapping> shared = globals.mapping(type.substring("AWS::Serverless::".length()));
        if (shared.isEmpty()) {
            return properties;
        }
        Map<String, IacNode> merged = new LinkedHashMap<>(shared.get().entries());
        merged.putAll(properties.entries());
        return new IacNode.Mapping(merged, properties.line());
    }

    private static IacNode substitute(IacNode node, Map<String, IacNode> defaults, int depth) {
        if (depth > MAX_DEPTH) {
            return node;
        }
        if (node instanceof IacNode.Mapping mapping) {
            if (mapping.entries().size() == 1 && mapping.get("Ref").orElse(null) instanceof IacNode.Scalar ref
                    && defaults.get(ref.text()) instanceof IacNode.Scalar value) {
                return value.atLine(mapping.line());
            }
            Map<String, IacNode> entries = new LinkedHashMap<>();
            mapping.entries().forEach((key, value) -> entries.put(key, substitute(value, defaults, depth + 1)));
            return new IacNode.Mapping(entries, mapping.line());
        }
        if (node instanceof IacNode.Sequence sequence) {
            return new IacNode.Sequence(sequence.items().stream()
                    .map(item -> substitute(item, defaults, depth + 1)).toList(), sequence.line());
        }
        return node;
    }
}
