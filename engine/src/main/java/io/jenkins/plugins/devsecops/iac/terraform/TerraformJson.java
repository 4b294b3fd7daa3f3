package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Terraform's JSON syntax ({@code *.tf.json}) into the same blocks as {@link HclParser}: {@code resource} and
 * {@code data} nest type then name, {@code variable}, {@code module} and {@code provider} nest a name, {@code locals}
 * is a plain object. A string that is exactly one interpolation ({@code "${var.x}"}) becomes an expression.
 */
public final class TerraformJson {

    private static final Pattern WHOLE_INTERPOLATION = Pattern.compile("\\$\\{([^{}]*)}");

    private TerraformJson() {
    }

    /**
     * Parses a {@code .tf.json} file.
     *
     * @throws IacParseException when it is not JSON or not an object
     */
    public static List<HclBlock> parse(String text) throws IacParseException {
        if (!(JsonDocuments.parse(text, 1) instanceof IacNode.Mapping root)) {
            throw new IacParseException("A Terraform JSON file is an object");
        }
        List<HclBlock> blocks = new ArrayList<>();
        root.entries().forEach((type, value) -> {
            for (IacNode item : IacNode.flatten(value)) {
                if (!(item instanceof IacNode.Mapping mapping)) {
                    continue;
                }
                switch (type) {
                    case "resource", "data" -> mapping.entries().forEach((resourceType, byName) -> {
                        for (IacNode named : IacNode.flatten(byName)) {
                            if (named instanceof IacNode.Mapping names) {
                                names.entries().forEach((name, body) -> addBlock(blocks, type,
                                        List.of(resourceType, name), body));
                            }
                        }
                    });
                    case "variable", "module", "provider", "output" -> mapping.entries()
                            .forEach((name, body) -> addBlock(blocks, type, List.of(name), body));
                    case "locals", "terraform" -> blocks.add(new HclBlock(type, List.of(), mapping.line(),
                            (IacNode.Mapping) expressions(mapping)));
                    default -> {
                    }
                }
            }
        });
        return blocks;
    }

    private static void addBlock(List<HclBlock> blocks, String type, List<String> labels, IacNode body) {
        for (IacNode item : IacNode.flatten(body)) {
            if (item instanceof IacNode.Mapping mapping) {
                blocks.add(new HclBlock(type, labels, mapping.line(), (IacNode.Mapping) expressions(mapping)));
            }
        }
    }

    private static IacNode expressions(IacNode node) {
        if (node instanceof IacNode.Scalar scalar) {
            Matcher whole = WHOLE_INTERPOLATION.matcher(scalar.text());
            if (scalar.kind() == IacNode.ScalarKind.STRING && whole.matches()) {
                return IacNode.Scalar.expression(whole.group(1).strip(), scalar.line());
            }
            return scalar;
        }
        if (node instanceof IacNode.Sequence sequence) {
            return new IacNode.Sequence(sequence.items().stream().map(TerraformJson::expressions).toList(),
                    sequence.line());
        }
        IacNode.Mapping mapping = (IacNode.Mapping) node;
        Map<String, IacNode> entries = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> entries.put(key, expressions(value)));
        return new IacNode.Mapping(entries, mapping.line());
    }
}
