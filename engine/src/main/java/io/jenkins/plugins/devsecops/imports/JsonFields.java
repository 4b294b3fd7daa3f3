package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Null-safe reads of fields of a JSON record, tolerant of the type variations tools produce. */
final class JsonFields {

    private JsonFields() {
    }

    /** The field's text (numbers and booleans as text), or {@code null} when missing, null, blank or a container. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        return text(node.get(field));
    }

    /** The node's text (numbers and booleans as text), or {@code null} when missing, null, blank or a container. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** The node at a {@code /}-separated path of field names, or a missing node. */
    static JsonNode at(JsonNode node, String path) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node.at("/" + path);
    }

    /** The text at a path, or {@code null}. */
    static String textAt(JsonNode node, String path) {
        return text(at(node, path));
    }

    /** An integer field (number or numeric text), or 0. */
    static int integer(JsonNode node, String field) {
        if (node == null) {
            return 0;
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return 0;
        }
        if (value.isNumber()) {
            return value.canConvertToInt() ? value.intValue() : 0;
        }
        String text = text(value);
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A decimal field (number or numeric text), or {@code null}. */
    static Double decimal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(text.trim());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The texts of an array field, or of a single text field, never {@code null}. */
    static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return values;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String text = text(element);
                if (text != null) {
                    values.add(text);
                }
            }
        } else {
            String text = text(value);
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }
}
