package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Chart values as plain Java values (maps, lists, strings, longs, doubles, booleans, null) and their YAML form. */
final class HelmValues {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@][A-Za-z0-9_./@ :=+-]*");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)true|false|yes|no|on|off|null|~|-?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?|0x[0-9a-f]+");

    private HelmValues() {
    }

    /** The value of a YAML node. */
    static Object of(IacNode node) {
        if (node instanceof IacNode.Mapping mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            mapping.entries().forEach((k, v) -> map.put(k, of(v)));
            return map;
        }
        if (node instanceof IacNode.Sequence sequence) {
            List<Object> list = new ArrayList<>();
            sequence.items().forEach(i -> list.add(of(i)));
            return list;
        }
        IacNode.Scalar scalar = (IacNode.Scalar) node;
        return switch (scalar.kind()) {
            case NULL -> null;
            case BOOL -> scalar.isTrue();
            case NUMBER -> number(scalar.text());
            default -> scalar.text();
        };
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e2) {
                return text;
            }
        }
    }

    /** {@code value} as YAML, the way Helm's {@code toYaml} writes it (block style, two-space indentation). */
    static String toYaml(Object value) {
        StringBuilder out = new StringBuilder();
        if (value instanceof Map<?, ?> map && !map.isEmpty() || value instanceof List<?> list && !list.isEmpty()) {
            block(value, 0, out);
        } else {
            out.append(value instanceof Map ? "{}" : value instanceof List ? "[]" : scalar(value)).append('\n');
        }
        return out.toString();
    }

    private static void block(Object value, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(pad).append(key(String.valueOf(entry.getKey()))).append(':');
                nested(entry.getValue(), indent + 2, out, false);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                out.append(pad).append('-');
                nested(item, indent + 2, out, true);
            }
        }
    }

    private static void nested(Object value, int indent, StringBuilder out, boolean inList) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            if (inList) {
                StringBuilder inner = new StringBuilder();
                block(value, indent, inner);
                out.append(' ').append(inner.substring(indent));
            } else {
                out.append('\n');
                block(value, indent, out);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            block(value, inList ? indent : indent - 2, out);
        } else {
            out.append(' ').append(value instanceof Map ? "{}" : value instanceof List ? "[]" : scalar(value))
                    .append('\n');
        }
    }

    private static String key(String key) {
        return PLAIN.matcher(key).matches() && !key.contains(": ") ? key : quoted(key);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return HelmRenderer.print(value);
        }
        String text = value.toString();
        if (text.contains("\n")) {
            return quoted(text);
        }
        if (text.isEmpty() || !PLAIN.matcher(text).matches() || LOOKS_TYPED.matcher(text).matches()
                || text.contains(": ") || text.endsWith(":")) {
            return quoted(text);
        }
        return text;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** {@code value} as compact JSON. */
    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(quoted(String.valueOf(k)) + ":" + toJson(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HelmValues::toJson).toList()) + "]";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return HelmRenderer.print(value);
        }
        return quoted(value.toString());
    }

    /** Go's {@code %v} of a map or list: {@code map[a:1 b:2]}, {@code [x y]}. */
    static String goFormat(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(map).forEach((k, v) -> parts.add(k + ":" + goFormat(v)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(HelmValues::goFormat).toList()) + "]";
        }
        return HelmRenderer.print(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
