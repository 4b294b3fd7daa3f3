package io.jenkins.plugins.devsecops.imports;

import java.util.List;
import java.util.Map;

/**
 * A small read-only XML element: one record of a streamed XML report, with its attributes, text and children.
 * Names are local names (namespaces dropped).
 */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** The attribute's value, or {@code null}. */
    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    /** The first child of that name, or {@code null}. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** Every child of that name. */
    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The trimmed text of the first child of that name, or {@code null} when there is none or it is blank. */
    String childText(String childName) {
        XmlElement child = child(childName);
        if (child == null || child.text.isBlank()) {
            return null;
        }
        return child.text.trim();
    }

    /** The element at a {@code /}-separated path of child names below this one, or {@code null}. */
    XmlElement at(String path) {
        XmlElement current = this;
        for (String step : path.split("/")) {
            current = current.child(step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
