package io.jenkins.plugins.devsecops.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamException;
import org.xml.sax.SAXParseException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns what a parser threw on scanned content into a message fit for reports, consoles and build records: a fixed
 * description of the kind of problem and, when the parser knows it, the line and column. Never the parser's own
 * message: SnakeYAML quotes the offending line with a caret, Jackson quotes the token it choked on, XML parsers
 * quote names and values — and that content may be a password or attacker HTML.
 */
public final class ParserErrors {

    private ParserErrors() {
    }

    /**
     * The message of an exception for a report: our own exceptions ({@link IOException}s the engine builds, which
     * name no content) keep their first line; anything a third-party parser or the runtime threw is described with
     * {@link #describe}.
     */
    public static String message(Throwable e) {
        if (isForeign(e) || e.getMessage() == null || e.getMessage().isBlank()) {
            return describe(e);
        }
        String message = e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static boolean isForeign(Throwable e) {
        return e instanceof RuntimeException || e instanceof Error || e instanceof JsonProcessingException
                || e instanceof org.xml.sax.SAXException || e instanceof XMLStreamException
                || e instanceof CharacterCodingException || e instanceof ZipException
                || e instanceof FileSystemException;
    }

    /** A content-free description of {@code e}, e.g. {@code "malformed YAML (syntax error) at line 3, column 9"}. */
    public static String describe(Throwable e) {
        if (e instanceof MarkedYAMLException marked) {
            return "malformed YAML (" + yamlKind(marked) + ")" + at(marked.getProblemMark());
        }
        if (e instanceof YAMLException) {
            return "malformed YAML" + causeSuffix(e);
        }
        if (e instanceof StreamConstraintsException) {
            return "document exceeds a size or nesting limit";
        }
        if (e instanceof JsonParseException parse) {
            return "malformed " + format(parse) + " (syntax error)" + at(parse.getLocation());
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "unexpected value type" + at(mismatched.getLocation());
        }
        if (e instanceof JsonProcessingException processing) {
            if (processing.getCause() instanceof YAMLException yaml) {
                return describe(yaml);
            }
            return "invalid document structure" + at(processing.getLocation());
        }
        if (e instanceof SAXParseException sax) {
            return "malformed XML" + at(sax.getLineNumber(), sax.getColumnNumber());
        }
        if (e instanceof XMLStreamException stream) {
            return "malformed XML" + (stream.getLocation() == null ? ""
                    : at(stream.getLocation().getLineNumber(), stream.getLocation().getColumnNumber()));
        }
        if (e instanceof org.xml.sax.SAXException) {
            return "malformed XML";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid text in the expected encoding";
        }
        if (e instanceof ZipException) {
            return "not a readable zip archive";
        }
        if (e instanceof FileSystemException fs) {
            return "cannot be read" + (fs.getReason() == null ? "" : ": " + fs.getReason());
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply to analyse";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to analyse";
        }
        if (e instanceof IOException) {
            return "cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        return "cannot be parsed (" + e.getClass().getSimpleName() + ")";
    }

    private static String yamlKind(MarkedYAMLException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "ScannerException" -> "syntax error";
            case "ParserException" -> "structure error";
            case "ComposerException" -> "composition error";
            case "DuplicateKeyException" -> "duplicate key";
            case "ConstructorException" -> "value error";
            default -> "error";
        };
    }

    private static String format(JsonProcessingException e) {
        Object source = e.getProcessor();
        return source != null && source.getClass().getName().contains("yaml") ? "YAML" : "JSON";
    }

    private static String causeSuffix(Throwable e) {
        return e.getCause() instanceof StreamConstraintsException ? " (exceeds a size limit)" : "";
    }

    private static String at(Mark mark) {
        return mark == null ? "" : at(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : at(location.getLineNr(), location.getColumnNr());
    }

    private static String at(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return " at line " + line + (column > 0 ? ", column " + column : "");
    }
}
