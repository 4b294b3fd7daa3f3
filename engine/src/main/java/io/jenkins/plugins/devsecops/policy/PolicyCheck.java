package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a policy file and reports <em>every</em> problem at once, each at the line and column of the bad key or
 * value ({@code devsecops policy check}). It walks the YAML node tree with its positions rather than binding it, so
 * one mistake does not hide the next; a file it finds clean is then read by {@link PolicyYaml} as a last check.
 */
public final class PolicyCheck {

    private static final Set<String> TOP = new TreeSet<>(List.of("version", "gates", "requiredStages",
            "suppressions", "sla"));
    private static final Set<String> GATE = new TreeSet<>(List.of("id", "severity", "rules", "advisories", "stages",
            "fixAvailable", "secret", "overdue", "scope", "threshold", "result", "enabled", "confidence", "compliance",
            "baseImage"));
    private static final Set<String> SUPPRESSIONS = new TreeSet<>(List.of("justificationRequired", "maxAgeDays"));

    private final String source;
    private final List<YamlInputException> problems = new ArrayList<>();

    private PolicyCheck(String source) {
        this.source = source;
    }

    /**
     * Every problem of the policy text {@code yaml} named {@code source}, in file order; empty when it is valid.
     */
    public static List<YamlInputException> check(String yaml, String source) {
        PolicyCheck check = new PolicyCheck(source);
        check.run(yaml);
        return List.copyOf(check.problems);
    }

    private void run(String yaml) {
        if (yaml.length() > StrictYamlReader.MAX_BYTES) {
            problems.add(new YamlInputException(source, 0, 0, "more than " + StrictYamlReader.MAX_BYTES
                    + " characters", null));
            return;
        }
        if (yaml.isBlank()) {
            problems.add(new YamlInputException(source, 0, 0, "the file is empty", null));
            return;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(StrictYamlReader.MAX_BYTES);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            problems.add(new YamlInputException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "invalid YAML: " + (e.getContext() == null ? ""
                            : e.getContext() + ": ") + e.getProblem(), e));
            return;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            problems.add(new YamlInputException(source, 0, 0, message.contains("aliases")
                    ? "YAML anchors and aliases are not allowed in this file" : "invalid YAML: " + message, e));
            return;
        }
        if (root == null || isNull(root)) {
            problems.add(new YamlInputException(source, 1, 1, "the document is empty", null));
            return;
        }
        Map<String, Node> top = mapping(root, "top level", TOP);
        if (top == null) {
            return;
        }
        top.forEach((key, value) -> {
            switch (key) {
                case "version" -> integer(value, "version", 1).filter(v -> v != PolicyYaml.VERSION).ifPresent(v ->
                        problem(value, "unsupported policy version " + v + ": this engine reads version "
                                + PolicyYaml.VERSION));
                case "gates" -> gates(value);
                case "requiredStages" -> strings(value, "requiredStages", true);
                case "suppressions" -> suppressions(value);
                case "sla" -> sla(value);
                default -> { }
            }
        });
        problems.sort(java.util.Comparator.comparingInt(YamlInputException::line)
                .thenComparingInt(YamlInputException::column));
    }

    private void gates(Node node) {
        if (isNull(node)) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "expected a list of gates (at gates)");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String where = "gates[" + i + "]";
            if (isNull(item)) {
                problem(item, "a gate entry is empty (at " + where + ")");
                continue;
            }
            Map<String, Node> gate = mapping(item, where, GATE);
            if (gate == null) {
                continue;
            }
            Node id = gate.get("id");
            String name = id == null ? null : text(id, where + ".id");
            if (id == null || (name != null && name.isBlank())) {
                problem(id == null ? item : id, "a gate needs an id (at " + where + ")");
            } else if (name != null && !ids.add(name)) {
                problem(id, "duplicate gate id '" + name + "' (at " + where + ".id)");
            }
            if (!gate.containsKey("result") || isNull(gate.get("result"))) {
                problem(item, "result is missing: expected one of " + Arrays.toString(GateAction.values()) + " (at "
                        + where + ")");
            }
            gate.forEach((key, value) -> {
                String field = where + "." + key;
                switch (key) {
                    case "severity" -> enumValue(value, field, (n, t) -> severity(n, field, t));
                    case "scope" -> enumValue(value, field, (n, t) -> constant(n, field, "scope", GateScope.class, t));
                    case "result" -> enumValue(value, field,
                            (n, t) -> constant(n, field, "result", GateAction.class, t));
                    case "confidence" -> enumValue(value, field,
                            (n, t) -> constant(n, field, "confidence", Confidence.class, t));
                    case "rules", "advisories", "stages" -> strings(value, field, false);
                    case "compliance" -> compliance(value, field);
                    case "fixAvailable", "secret", "enabled", "baseImage" -> bool(value, field);
                    case "overdue" -> bool(value, field).filter(b -> !b).ifPresent(b ->
                            problem(value, "overdue can only be true (or left out) (at " + field + ")"));
                    case "threshold" -> integer(value, field, 1);
                    default -> { }
                }
            });
        }
    }

    private void suppressions(Node node) {
        if (isNull(node)) {
            return;
        }
        Map<String, Node> rules = mapping(node, "suppressions", SUPPRESSIONS);
        if (rules == null) {
            return;
        }
        rules.forEach((key, value) -> {
            if (key.equals("justificationRequired")) {
                bool(value, "suppressions.justificationRequired");
            } else {
                integer(value, "suppressions.maxAgeDays", 1);
            }
        });
    }

    private void sla(Node node) {
        if (isNull(node)) {
            return;
        }
        Map<String, Node> days = mapping(node, "sla", null);
        if (days == null) {
            return;
        }
        MappingNode mapping = (MappingNode) node;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                severity(key, "sla." + key.getValue(), key.getValue());
                integer(tuple.getValueNode(), "sla." + key.getValue(), 1);
            }
        }
    }

    private void severity(Node node, String field, String text) {
        try {
            Severity.parse(text);
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage() + " (at " + field + ")");
        }
    }

    private <E extends Enum<E>> void constant(Node node, String field, String name, Class<E> type, String text) {
        try {
            Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(node, "Unknown " + name + " '" + text + "': expected one of "
                    + Arrays.toString(type.getEnumConstants()) + " (at " + field + ")");
        }
    }

    private void enumValue(Node node, String field, BiConsumer<Node, String> check) {
        String text = text(node, field);
        if (text != null) {
            check.accept(node, text);
        }
    }

    /** The keys of a mapping node in order, each problem of a key reported; {@code null} when it is no mapping. */
    private Map<String, Node> mapping(Node node, String what, Set<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "expected a mapping of fields (at " + what + ")");
            return null;
        }
        anchor(node);
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problem(keyNode, "a key must be a plain name (at " + what + ")");
                continue;
            }
            String key = scalar.getValue();
            if (fields.containsKey(key)) {
                problem(keyNode, "duplicate key '" + key + "' (at " + what + ")");
                continue;
            }
            if (known != null && !known.contains(key)) {
                problem(keyNode, "unknown field '" + key + "' (at " + what + "); known fields: "
                        + String.join(", ", known));
                continue;
            }
            anchor(tuple.getValueNode());
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private void anchor(Node node) {
        if (node.getAnchor() != null) {
            problem(node, "YAML anchors and aliases (&" + node.getAnchor() + ") are not allowed in this file");
        }
    }

    private String text(Node node, String field) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, "expected a single value (at " + field + ")");
            return null;
        }
        return scalar.getValue();
    }

    private void strings(Node node, String field, boolean nonBlank) {
        if (isNull(node)) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "expected a list (at " + field + ")");
            return;
        }
        for (Node item : sequence.getValue()) {
            String value = text(item, field);
            if (nonBlank && (value == null || value.isBlank())) {
                problem(item, "an entry is empty (at " + field + ")");
            }
        }
    }

    /** One compliance reference or a list of them, each a known framework and requirement. */
    private void compliance(Node node, String field) {
        if (isNull(node)) {
            return;
        }
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        for (Node item : items) {
            String value = text(item, field);
            if (value == null) {
                continue;
            }
            try {
                io.jenkins.plugins.devsecops.compliance.ComplianceCatalog.builtIn().canonicalReference(value);
            } catch (IllegalArgumentException e) {
                problem(item, e.getMessage() + " (at " + field + ")");
            }
        }
    }

    private java.util.Optional<Boolean> bool(Node node, String field) {
        if (isNull(node)) {
            return java.util.Optional.empty();
        }
        // A quoted "true" is read as true by the binding too: accept what it accepts.
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.BOOL)
                || scalar.getValue().equalsIgnoreCase("true") || scalar.getValue().equalsIgnoreCase("false"))) {
            return java.util.Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT)));
        }
        problem(node, "expected true or false (at " + field + ")");
        return java.util.Optional.empty();
    }

    private java.util.Optional<Integer> integer(Node node, String field, int minimum) {
        if (isNull(node)) {
            return java.util.Optional.empty();
        }
        // A quoted "3" is read as 3 by the binding too: accept what it accepts.
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT)
                || scalar.getValue().strip().matches("[+-]?[0-9]+"))) {
            try {
                int value = Integer.parseInt(scalar.getValue().strip());
                if (value < minimum) {
                    problem(node, "must be at least " + minimum + ", was " + value + " (at " + field + ")");
                }
                return java.util.Optional.of(value);
            } catch (NumberFormatException e) {
                problem(node, scalar.getValue() + " is not a whole number in range (at " + field + ")");
                return java.util.Optional.empty();
            }
        }
        problem(node, "expected a whole number (at " + field + ")");
        return java.util.Optional.empty();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private void problem(Node node, String message) {
        Mark mark = node.getStartMark();
        problems.add(new YamlInputException(source, mark.getLine() + 1, mark.getColumn() + 1, message, null));
    }
}
