package io.jenkins.plugins.devsecops.iac.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A value of an infrastructure-as-code document with the line it was declared on: a scalar, a sequence or a
 * mapping. Every parser (HCL, YAML, JSON) produces this tree, so that rules are written once against it. A mapping
 * value carries the line of its key, which is where findings about it point.
 */
public sealed interface IacNode permits IacNode.Scalar, IacNode.Sequence, IacNode.Mapping {

    /** The 1-based line the value (or its key) is on, 0 when unknown. */
    int line();

    /** The same value pointing at another line. */
    IacNode atLine(int newLine);

    /** What a scalar holds. */
    enum ScalarKind {
        STRING, NUMBER, BOOL, NULL,
        /** An expression the parser could not reduce to a literal, e.g. {@code aws_kms_key.a.arn}. */
        EXPRESSION
    }

    /** A literal or an unresolved expression, kept as text. */
    record Scalar(String text, ScalarKind kind, int line) implements IacNode {
        public Scalar {
            text = text == null ? "" : text;
            kind = kind == null ? ScalarKind.STRING : kind;
        }

        public static Scalar string(String text, int line) {
            return new Scalar(text, ScalarKind.STRING, line);
        }

        public static Scalar expression(String text, int line) {
            return new Scalar(text, ScalarKind.EXPRESSION, line);
        }

        /** Whether this is the boolean {@code true} (or the string {@code "true"}, as YAML and HCL allow). */
        public boolean isTrue() {
            return kind != ScalarKind.EXPRESSION && text.trim().equalsIgnoreCase("true");
        }

        /** Whether this is the boolean {@code false} (or the string {@code "false"}). */
        public boolean isFalse() {
            return kind != ScalarKind.EXPRESSION && text.trim().equalsIgnoreCase("false");
        }

        /** Whether this value is statically known. */
        public boolean isLiteral() {
            return kind != ScalarKind.EXPRESSION;
        }

        /** The text in lower case. */
        public String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        @Override
        public Scalar atLine(int newLine) {
            return new Scalar(text, kind, newLine);
        }
    }

    /** An ordered list of values. */
    record Sequence(List<IacNode> items, int line) implements IacNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public Sequence atLine(int newLine) {
            return new Sequence(items, newLine);
        }
    }

    /** An ordered map of values by key. */
    record Mapping(Map<String, IacNode> entries, int line) implements IacNode {
        public Mapping {
            entries = entries instanceof Owned owned ? owned.entries
                    : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /**
         * A mapping that takes {@code entries} as they are, without the copy the constructor makes: for parsers that
         * build a fresh map per mapping and never touch it again. The caller must not change {@code entries} after.
         */
        public static Mapping owning(LinkedHashMap<String, IacNode> entries, int line) {
            return new Mapping(new Owned(Collections.unmodifiableMap(entries)), line);
        }

        /**
         * Hands the constructor entries it may keep as they are: an unmodifiable view of a map no one else changes.
         * Never stored; only {@link #owning} and {@link #atLine} make one.
         */
        private static final class Owned extends java.util.AbstractMap<String, IacNode> {
            private final Map<String, IacNode> entries;

            Owned(Map<String, IacNode> entries) {
                this.entries = entries;
            }

            @Override
            public java.util.Set<Map.Entry<String, IacNode>> entrySet() {
                return entries.entrySet();
            }
        }

        /** An empty mapping. */
        public static Mapping empty(int line) {
            return new Mapping(Map.of(), line);
        }

        /** The value under {@code key}. */
        public Optional<IacNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /** The value under {@code key} when it is a scalar. */
        public Optional<Scalar> scalar(String key) {
            return entries.get(key) instanceof Scalar s ? Optional.of(s) : Optional.empty();
        }

        /** The text of the scalar under {@code key}. */
        public Optional<String> text(String key) {
            return scalar(key).map(Scalar::text);
        }

        /** The value under {@code key} when it is a mapping (the first one when it is a sequence of mappings). */
        public Optional<Mapping> mapping(String key) {
            IacNode node = entries.get(key);
            if (node instanceof Mapping m) {
                return Optional.of(m);
            }
            if (node instanceof Sequence s && !s.items().isEmpty() && s.items().get(0) instanceof Mapping m) {
                return Optional.of(m);
            }
            return Optional.empty();
        }

        /** Whether {@code key} is present. */
        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /**
         * Every value at a dotted path, e.g. {@code ingress.cidr_blocks}. Sequences met on the way are flattened, so
         * repeated blocks and lists of mappings are all visited; the result at the end is flattened too.
         */
        public List<IacNode> all(String path) {
            if (path.isEmpty() || path.charAt(path.length() - 1) == '.') {
                return allBySplit(path);
            }
            // Depth first over the segments (as String.split cuts them when no dot ends the path): the same values
            // in the same order as the level-by-level walk below, without a list per level and per value.
            List<IacNode> result = new ArrayList<>();
            collect(this, segments(path), 0, result);
            return result;
        }

        /** The segments of a path that is not empty and does not end with a dot, as {@code split("\\.")} gives. */
        private static String[] segments(String path) {
            int dots = 0;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '.') {
                    dots++;
                }
            }
            if (dots == 0) {
                return new String[] {path};
            }
            String[] segments = new String[dots + 1];
            int from = 0;
            for (int i = 0; i < dots; i++) {
                int dot = path.indexOf('.', from);
                segments[i] = path.substring(from, dot);
                from = dot + 1;
            }
            segments[dots] = path.substring(from);
            return segments;
        }

        /** Adds what {@code segments[index..]} lead to from {@code node} (sequences flattened on the way). */
        private static void collect(IacNode node, String[] segments, int index, List<IacNode> result) {
            if (node instanceof Sequence sequence) {
                for (IacNode item : sequence.items()) {
                    step(item, segments, index, result);
                }
            } else {
                step(node, segments, index, result);
            }
        }

        private static void step(IacNode node, String[] segments, int index, List<IacNode> result) {
            if (!(node instanceof Mapping mapping)) {
                return;
            }
            String segment = segments[index];
            IacNode child = mapping.entries.get(segment);
            if (child == null && !mapping.entries.containsKey(segment)) {
                return;
            }
            if (index + 1 < segments.length) {
                if (child == null) {
                    flatten(null); // a null value fails here as the level-by-level walk fails on it
                }
                collect(child, segments, index + 1, result);
            } else {
                result.addAll(flatten(child));
            }
        }

        /** {@link #all} for any path, level by level. */
        private List<IacNode> allBySplit(String path) {
            List<IacNode> current = List.of(this);
            for (String segment : path.split("\\.")) {
                List<IacNode> next = new ArrayList<>();
                for (IacNode node : current) {
                    for (IacNode flat : flatten(node)) {
                        if (flat instanceof Mapping m && m.entries.containsKey(segment)) {
                            next.add(m.entries.get(segment));
                        }
                    }
                }
                current = next;
            }
            List<IacNode> result = new ArrayList<>();
            current.forEach(n -> result.addAll(flatten(n)));
            return result;
        }

        /** The first value at a dotted path. */
        public Optional<IacNode> first(String path) {
            List<IacNode> found = all(path);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }

        /** The scalars at a dotted path. */
        public List<Scalar> scalars(String path) {
            List<Scalar> result = new ArrayList<>();
            for (IacNode node : all(path)) {
                if (node instanceof Scalar s) {
                    result.add(s);
                }
            }
            return result;
        }

        /** The mappings at a dotted path. */
        public List<Mapping> mappings(String path) {
            List<Mapping> result = new ArrayList<>();
            for (IacNode node : all(path)) {
                if (node instanceof Mapping m) {
                    result.add(m);
                }
            }
            return result;
        }

        /** Whether a dotted path leads to at least one value. */
        public boolean present(String path) {
            return !all(path).isEmpty();
        }

        @Override
        public Mapping atLine(int newLine) {
            return new Mapping(new Owned(entries), newLine); // entries are this mapping's own unmodifiable copy
        }
    }

    /** The node itself, or the items of a sequence (one level). */
    static List<IacNode> flatten(IacNode node) {
        return node instanceof Sequence s ? s.items() : List.of(node);
    }
}
