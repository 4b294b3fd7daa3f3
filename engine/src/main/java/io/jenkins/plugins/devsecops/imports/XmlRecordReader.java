package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML document with StAX and hands over only the elements at the given paths (e.g.
 * {@code /BugCollection/BugInstance}), each as a small {@link XmlElement}. DTDs are refused outright and external
 * entities are never resolved, so XXE and entity-expansion ("billion laughs") payloads fail with a clear error.
 */
final class XmlRecordReader {

    /** Receives each record and the start of every element on the way to one. */
    interface RecordHandler {
        void record(String path, XmlElement element) throws IOException;

        /** An element that encloses records started; its attributes are known, its content is not yet. */
        default void started(String path, Map<String, String> attributes) {
        }
    }

    private static final int MAX_DEPTH = 100;
    private static final int MAX_TEXT = 1024 * 1024;
    /** The most elements one record may hold: a single hostile record cannot exhaust memory either. */
    private static final int MAX_RECORD_ELEMENTS = 200_000;

    private final Set<String> patterns;
    private final Set<String> prefixes = new HashSet<>();
    private final RecordBudget budget;

    /** A reader of the records at {@code patterns}, each taken from {@code budget}. */
    XmlRecordReader(Set<String> patterns, RecordBudget budget) {
        this.budget = budget;
        this.patterns = Set.copyOf(patterns);
        for (String pattern : patterns) {
            String prefix = pattern;
            while (!prefix.isEmpty()) {
                prefix = prefix.substring(0, prefix.lastIndexOf('/'));
                prefixes.add(prefix);
            }
        }
    }

    /** A StAX factory with DTD support and external entities switched off. */
    static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("External entities are not allowed: " + systemId);
        });
        return factory;
    }

    /**
     * Reads the document.
     *
     * @throws IOException when it is not well-formed, declares a DTD, or is cut short
     */
    void read(InputStream in, RecordHandler handler) throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = hardenedFactory().createXMLStreamReader(in);
            Deque<String> path = new ArrayDeque<>();
            String current = "";
            boolean sawRoot = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new IOException("The report declares a DTD; DTDs are refused for safety (XXE, entity expansion)");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new IOException("The report uses an undeclared entity '" + reader.getLocalName() + "'");
                    case XMLStreamConstants.START_ELEMENT -> {
                        sawRoot = true;
                        String childPath = current + "/" + reader.getLocalName();
                        if (path.size() >= MAX_DEPTH) {
                            throw new IOException("The report nests elements deeper than " + MAX_DEPTH);
                        }
                        if (patterns.contains(childPath)) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new java.io.InterruptedIOException("Import stopped");
                            }
                            if (budget.take()) {
                                handler.record(childPath, readElement(reader, 0, new int[] {MAX_RECORD_ELEMENTS}));
                            } else {
                                skipElement(reader);
                            }
                        } else if (prefixes.contains(childPath)) {
                            handler.started(childPath, attributes(reader));
                            path.push(current);
                            current = childPath;
                        } else {
                            skipElement(reader);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> current = path.isEmpty() ? "" : path.pop();
                    default -> {
                        // text between records and comments are of no interest
                    }
                }
            }
            if (!sawRoot) {
                throw new IOException("The report has no root element");
            }
        } catch (XMLStreamException e) {
            throw new IOException(ParserErrors.describe(e), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return attributes;
    }

    private static XmlElement readElement(XMLStreamReader reader, int depth, int[] allowance)
            throws XMLStreamException, IOException {
        if (--allowance[0] < 0) {
            throw new IOException("An entry of the report holds more than " + MAX_RECORD_ELEMENTS + " elements");
        }
        if (depth > MAX_DEPTH) {
            throw new IOException("The report nests elements deeper than " + MAX_DEPTH);
        }
        String name = reader.getLocalName();
        Map<String, String> attributes = attributes(reader);
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readElement(reader, depth + 1, allowance));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() < MAX_TEXT) {
                        text.append(reader.getText(), 0, Math.min(reader.getTextLength(), MAX_TEXT - text.length()));
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new IOException("The report uses an undeclared entity '" + reader.getLocalName() + "'");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, attributes, text.toString(), children);
                }
                default -> {
                    // comments and processing instructions are ignored
                }
            }
        }
        throw new IOException("The report ends inside <" + name + ">");
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException, IOException {
        int depth = 1;
        while (depth > 0) {
            if (!reader.hasNext()) {
                throw new IOException("The report ends inside an element");
            }
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new IOException("The report uses an undeclared entity '" + reader.getLocalName() + "'");
            }
        }
    }
}
