package io.jenkins.plugins.devsecops.iac.yaml;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML streams (one or many documents) into {@link IacNode} trees with line numbers, safely: no object is
 * ever constructed from tags, aliases to collections are capped (anchor bombs), nesting depth and the number of
 * values after alias expansion are capped, and the input size is capped.
 *
 * <p>Local tags such as CloudFormation's short forms become their long form: {@code !Ref X} is read as
 * {@code {Ref: X}}, {@code !GetAtt a.b} as {@code {Fn::GetAtt: a.b}}, {@code !Sub s} as {@code {Fn::Sub: s}}.
 */
public final class YamlDocuments {

    /** The largest YAML input read, in characters. */
    public static final int MAX_CHARACTERS = 5 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 100;
    private static final int MAX_VALUES = 500_000;
    /** Read-only once built, so shared by every parse and thread. */
    private static final Resolver RESOLVER = new StringFirstResolver();

    private YamlDocuments() {
    }

    /**
     * Every document of {@code text}, empty documents left out.
     *
     * @throws IacParseException when the YAML is malformed or exceeds a limit
     */
    public static List<IacNode> parse(String text) throws IacParseException {
        if (text.length() > MAX_CHARACTERS) {
            throw new IacParseException("YAML file too large to analyse (" + text.length() + " characters, limit "
                    + MAX_CHARACTERS + ")");
        }
        LoaderOptions options = options();
        try {
            // Straight from the parser's events when nothing in the stream needs the composer (no alias, no global
            // tag, no deep nesting): the same trees; otherwise parsed again below, through the composer.
            List<IacNode> fromEvents = YamlEventTrees.parse(text, options, RESOLVER);
            if (fromEvents != null) {
                return fromEvents;
            }
        } catch (YAMLException e) {
            throw new IacParseException(ParserErrors.sentence(e), e);
        } catch (StackOverflowError e) {
            throw new IacParseException("YAML nested too deeply to analyse");
        }
        return composed(text, options());
    }

    /** The documents of {@code text} through SnakeYAML's composer, then converted: aliases, limits and all. */
    static List<IacNode> composed(String text, LoaderOptions options) throws IacParseException {
        List<IacNode> documents = new ArrayList<>();
        int[] budget = {MAX_VALUES};
        try {
            // The composer alone, as Yaml.composeAll makes it, without the constructor and representer a Yaml builds.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    RESOLVER, options);
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null && !(node instanceof ScalarNode empty && Tag.NULL.equals(empty.getTag()))) {
                    documents.add(convert(node, 0, budget, node.getStartMark().getLine() + 1));
                }
            }
        } catch (YAMLException e) {
            throw new IacParseException(ParserErrors.sentence(e), e);
        } catch (StackOverflowError e) {
            throw new IacParseException("YAML nested too deeply to analyse");
        }
        return documents;
    }

    /** The loader options of every parse: a new object each time, as SnakeYAML's parts keep a reference to it. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setAllowDuplicateKeys(true);
        options.setProcessComments(false);
        return options;
    }

    /** The composer path for {@code text} alone, without the event path first (tests compare both). */
    static List<IacNode> composed(String text) throws IacParseException {
        if (text.length() > MAX_CHARACTERS) {
            throw new IacParseException("YAML file too large to analyse (" + text.length() + " characters, limit "
                    + MAX_CHARACTERS + ")");
        }
        return composed(text, options());
    }

    private static IacNode convert(Node node, int depth, int[] budget, int line) throws IacParseException {
        if (depth > MAX_DEPTH) {
            throw new IacParseException("YAML nested deeper than " + MAX_DEPTH + " levels (recursive alias?)");
        }
        if (--budget[0] < 0) {
            throw new IacParseException("YAML expands to more than " + MAX_VALUES + " values (alias bomb?)");
        }
        return underLocalTag(node.getTag(), convertPlain(node, depth, budget, line), line);
    }

    /**
     * {@code plain} as it reads under {@code tag}: under a local tag such as {@code !Ref} or {@code !GetAtt}, wrapped
     * in a mapping of the intrinsic function's long name ({@code Ref}, {@code Condition}, else {@code Fn::<name>}).
     */
    static IacNode underLocalTag(Tag tag, IacNode plain, int line) {
        String localTag = tag.isSecondary() ? tag.getValue() : null;
        if (localTag != null && localTag.startsWith("!") && localTag.length() > 1) {
            String name = localTag.substring(1);
            String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            return new IacNode.Mapping(Map.of(key, plain), line);
        }
        return plain;
    }

    /** The kind of a scalar resolved to {@code tag}. */
    static IacNode.ScalarKind scalarKind(Tag tag) {
        if (Tag.BOOL.equals(tag)) {
            return IacNode.ScalarKind.BOOL;
        } else if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return IacNode.ScalarKind.NUMBER;
        } else if (Tag.NULL.equals(tag)) {
            return IacNode.ScalarKind.NULL;
        }
        return IacNode.ScalarKind.STRING;
    }

    private static IacNode convertPlain(Node node, int depth, int[] budget, int line) throws IacParseException {
        if (node instanceof ScalarNode scalar) {
            return new IacNode.Scalar(scalar.getValue(), scalarKind(scalar.getTag()), line);
        }
        if (node instanceof SequenceNode sequence) {
            List<IacNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, depth + 1, budget, item.getStartMark().getLine() + 1));
            }
            return new IacNode.Sequence(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>();
        List<IacNode.Mapping> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            IacNode value = convert(tuple.getValueNode(), depth + 1, budget, keyLine);
            if (Tag.MERGE.equals(keyNode.getTag())) {
                addMerged(value, merges);
                continue;
            }
            String key = keyNode instanceof ScalarNode s ? s.getValue() : "<complex key>";
            entries.put(key, value);
        }
        return withMerged(entries, merges, line);
    }

    /** The mappings the value of a merge key ({@code <<}) brings in: itself, or the mappings of its sequence. */
    static void addMerged(IacNode value, List<IacNode.Mapping> merges) {
        for (IacNode merged : IacNode.flatten(value)) {
            if (merged instanceof IacNode.Mapping m) {
                merges.add(m);
            }
        }
    }

    /** The mapping of {@code entries} and of the merged mappings' entries under keys it does not have, in order. */
    static IacNode.Mapping withMerged(LinkedHashMap<String, IacNode> entries, List<IacNode.Mapping> merges, int line) {
        for (IacNode.Mapping merged : merges) {
            merged.entries().forEach(entries::putIfAbsent);
        }
        return IacNode.Mapping.owning(entries, line);
    }
}
