package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A minimal XML element tree that remembers the line each element starts on. Parsing refuses DTDs, external
 * entities and XInclude, and caps the number of elements.
 */
final class XmlElement {

    static final int MAX_ELEMENTS = 500_000;

    private final String name;
    private final int line;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlElement(String name, int line) {
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    List<XmlElement> children() {
        return children;
    }

    /** The trimmed text content. */
    String text() {
        return text.toString().strip();
    }

    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The text of a child, or {@code null}. */
    String childText(String childName) {
        return child(childName).map(XmlElement::text).filter(t -> !t.isEmpty()).orElse(null);
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /**
     * Parses a document.
     *
     * @throws LockfileException when it is not well-formed, declares a DTD or is too large
     */
    static XmlElement parse(byte[] content) throws LockfileException {
        boolean parsed = false;
        try {
            SAXParser parser = parser();
            TreeHandler handler = new TreeHandler();
            parser.parse(new InputSource(new ByteArrayInputStream(content)), handler);
            parsed = true;
            if (handler.root == null) {
                throw new LockfileException("no XML root element");
            }
            return handler.root;
        } catch (SAXParseException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        } catch (SAXException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        } finally {
            if (!parsed) {
                PARSERS.remove(); // a parse that failed half way: the next one starts from a new parser
            }
        }
    }

    /**
     * This thread's parser, reset to the configuration it was made with: a scan reads hundreds of poms (and their
     * parents, once per module), and finding and configuring a parser factory cost as much as parsing a pom.
     */
    private static SAXParser parser() throws ParserConfigurationException, SAXException {
        SAXParser parser = PARSERS.get();
        if (parser != null) {
            parser.reset();
            return parser;
        }
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        parser = factory.newSAXParser();
        PARSERS.set(parser);
        return parser;
    }

    private static final ThreadLocal<SAXParser> PARSERS = new ThreadLocal<>();

    private static final class TreeHandler extends DefaultHandler {
        private Locator locator;
        private final Deque<XmlElement> stack = new ArrayDeque<>();
        private XmlElement root;
        private int count;

        @Override
        public void setDocumentLocator(Locator value) {
            locator = value;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (++count > MAX_ELEMENTS) {
                throw new SAXException("more than " + MAX_ELEMENTS + " XML elements");
            }
            XmlElement element = new XmlElement(localName.isEmpty() ? qName : localName,
                    locator == null ? 0 : locator.getLineNumber());
            if (stack.isEmpty()) {
                root = element;
            } else {
                stack.peek().children.add(element);
            }
            stack.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty() && stack.peek().text.length() < 100_000) {
                stack.peek().text.append(ch, start, length);
            }
        }
    }
}
