package io.jenkins.plugins.devsecops.iac.yaml;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link IacNode} trees built straight from SnakeYAML's parser events, for the documents the composer path of
 * {@link YamlDocuments} would build without ever meeting one of its own checks: without the composer's node graph and
 * the conversion walk over it. It takes the events in the composer's order and resolves every tag as the composer
 * does, and builds what {@link YamlDocuments}' conversion builds from the composed nodes: the same values, kinds,
 * lines, local tags, merge keys and key order.
 *
 * <p>It declines a stream (returns null, and the caller parses it again through the composer) as soon as it meets
 * anything where the composer or the conversion could decide otherwise or fail on their own: an alias (undefined
 * aliases, alias counts, recursion and the expansion budget are theirs), a collection used as a key, a global tag
 * (the composer refuses them), more than {@link #MAX_DEPTH} levels of collections, or more than {@link #MAX_NODES}
 * values. Errors of the parser itself surface at the same event as through the composer, with the same exception.
 */
final class YamlEventTrees {

    /** Deeper than this the composer's nesting limit and the conversion's depth limit are left to decide. */
    static final int MAX_DEPTH = 50;
    /** More values than this and the conversion's budget is left to decide. */
    static final int MAX_NODES = 400_000;

    private final Parser parser;
    private final Resolver resolver;
    private int nodes;

    private YamlEventTrees(Parser parser, Resolver resolver) {
        this.parser = parser;
        this.resolver = resolver;
    }

    /** Thrown inside when the stream is left to the composer. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * The documents of {@code text} as {@link YamlDocuments#parse} gives them, or null when the stream must go through
     * the composer instead. Parser errors are thrown as they are.
     */
    static List<IacNode> parse(String text, LoaderOptions options, Resolver resolver) {
        YamlEventTrees trees = new YamlEventTrees(
                new ParserImpl(new StreamReader(new StringReader(text)), options), resolver);
        try {
            return trees.documents();
        } catch (Declined declined) {
            return null;
        }
    }

    /** The loop of {@code Composer.checkNode} and {@code getNode}, keeping the documents that are not null. */
    private List<IacNode> documents() {
        List<IacNode> documents = new ArrayList<>();
        while (true) {
            if (parser.checkEvent(Event.ID.StreamStart)) {
                parser.getEvent();
            }
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return documents;
            }
            parser.getEvent(); // the document start
            Event first = parser.peekEvent();
            int line = first.getStartMark().getLine() + 1;
            Tag[] tag = new Tag[1];
            IacNode node = node(0, line, tag);
            parser.getEvent(); // the document end
            if (!(node instanceof IacNode.Scalar && Tag.NULL.equals(tag[0]))) {
                documents.add(node);
            }
        }
    }

    /**
     * The next node, at {@code depth} (the conversion's depth), pointing at {@code line}, as the conversion builds it:
     * a value under a local tag such as {@code !Ref} wrapped in a mapping of its long name. {@code tagOut[0]} is set
     * to the node's tag.
     */
    private IacNode node(int depth, int line, Tag[] tagOut) {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw new Declined();
        }
        Event event = parser.peekEvent();
        IacNode plain;
        Tag tag;
        if (event.is(Event.ID.Scalar)) {
            ScalarEvent scalar = (ScalarEvent) parser.getEvent();
            tag = scalarTag(scalar);
            plain = new IacNode.Scalar(scalar.getValue(), YamlDocuments.scalarKind(tag), line);
        } else if (event.is(Event.ID.SequenceStart)) {
            CollectionStartEvent start = (CollectionStartEvent) parser.getEvent();
            tag = collectionTag(start, NodeId.sequence);
            List<IacNode> items = new ArrayList<>();
            Tag[] itemTag = new Tag[1];
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                Event item = parser.peekEvent();
                items.add(node(depth + 1, item.getStartMark().getLine() + 1, itemTag));
            }
            parser.getEvent();
            plain = new IacNode.Sequence(items, line);
        } else if (event.is(Event.ID.MappingStart)) {
            CollectionStartEvent start = (CollectionStartEvent) parser.getEvent();
            tag = collectionTag(start, NodeId.mapping);
            plain = mapping(depth, line);
        } else {
            throw new Declined(); // an alias
        }
        tagOut[0] = tag;
        return YamlDocuments.underLocalTag(tag, plain, line);
    }

    /** The entries of a mapping whose start event was taken, up to and with its end event. */
    private IacNode.Mapping mapping(int depth, int line) {
        LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>();
        List<IacNode.Mapping> merges = new ArrayList<>();
        Tag[] valueTag = new Tag[1];
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            if (!keyEvent.is(Event.ID.Scalar)) {
                throw new Declined(); // a collection or an alias as a key
            }
            ScalarEvent key = (ScalarEvent) parser.getEvent();
            Tag keyTag = scalarTag(key);
            int keyLine = key.getStartMark().getLine() + 1;
            IacNode value = node(depth + 1, keyLine, valueTag);
            if (Tag.MERGE.equals(keyTag)) {
                YamlDocuments.addMerged(value, merges);
                continue;
            }
            entries.put(key.getValue(), value);
        }
        parser.getEvent();
        return YamlDocuments.withMerged(entries, merges, line);
    }

    /** A scalar's tag as {@code Composer.composeScalarNode} works it out; a global tag is left to the composer. */
    private Tag scalarTag(ScalarEvent scalar) {
        String tag = scalar.getTag();
        if (tag == null || tag.equals("!")) {
            return resolver.resolve(NodeId.scalar, scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar());
        }
        return explicit(tag);
    }

    /** A collection's tag as the composer works it out; a global tag is left to the composer. */
    private Tag collectionTag(CollectionStartEvent start, NodeId kind) {
        String tag = start.getTag();
        if (tag == null || tag.equals("!")) {
            return resolver.resolve(kind, null, start.getImplicit());
        }
        return explicit(tag);
    }

    private static Tag explicit(String tag) {
        Tag explicit = new Tag(tag);
        if (explicit.isCustomGlobal()) {
            throw new Declined(); // refused by the composer's tag inspector, with its message
        }
        return explicit;
    }
}
