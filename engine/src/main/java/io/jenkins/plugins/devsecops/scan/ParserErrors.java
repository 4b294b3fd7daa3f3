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
        if (!isOwn(e) || e.getMessage() == null || e.getMessage().isBlank()) {
            return describe(e);
        }
        String message = e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /**
     * Whether the engine itself threw {@code e} (its message is one the engine wrote): the frame that created it is
     * in this project's code and it is not a parser's exception type.
     */
    static boolean isOwn(Throwable e) {
        if (e instanceof JsonProcessingException || e instanceof YAMLException || e instanceof org.xml.sax.SAXException
                || e instanceof XMLStreamException || e instanceof CharacterCodingException
                || e instanceof ZipException || e instanceof Error) {
            return false;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.jenkins.plugins.devsecops.");
    }

    /** Problems SnakeYAML words with content after them (a key, an alias, a tag): only the words are kept. */
    private static final java.util.List<String> YAML_PROBLEM_PREFIXES = java.util.List.of("found duplicate key",
            "found undefined alias", "found undefined tag handle", "Global tag is not allowed",
            "could not determine a constructor for the tag", "found unknown escape character",
            "Number of aliases for non-scalar nodes exceeds", "found unacceptable character", "expected alphabetic or"
                    + " numeric character", "expected a comment or a line break");

    /**
     * SnakeYAML's fixed wording of a problem without the content it may quote: context and problem, quoted text
     * longer than two characters replaced by an ellipsis, anything after a content-bearing phrase dropped.
     */
    public static String yamlProblem(String context, String problem) {
        String text = problem == null ? "error" : problem.lines().findFirst().orElse("error");
        for (String prefix : YAML_PROBLEM_PREFIXES) {
            if (text.startsWith(prefix)) {
                text = prefix;
                break;
            }
        }
        text = text.replaceAll("'[^'\\s]{3,}'", "'…'").replaceAll("\"[^\"\\s]{3,}\"", "\"…\"");
        if (text.length() > 120) {
            text = text.substring(0, 120) + "…";
        }
        return context == null || context.isBlank() ? text : context.lines().findFirst().orElse("") + ": " + text;
    }

    /** {@link #describe} as a sentence: its first letter upper-case ("Malformed YAML at line 3..."). */
    public static String sentence(Throwable e) {
        String text = describe(e);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A content-free description of {@code e}, e.g. {@code "malformed YAML (syntax error) at line 3, column 9"}. */
    public static String describe(Throwable e) {
        if (e instanceof MarkedYAMLException marked) {
            return "malformed YAML" + at(marked.getProblemMark()) + ": "
                    + yamlProblem(marked.getContext(), marked.getProblem());
        }
        if (e instanceof YAMLException) {
            return "malformed YAML: " + yamlProblem(null, e.getMessage());
        }
        if (e instanceof StreamConstraintsException) {
            // Jackson's limits are worded without content: "Document nesting depth (1001) exceeds the maximum..."
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            int from = message.indexOf(", from");
            return (from > 0 ? message.substring(0, from) + ")" : "document exceeds a size or nesting limit")
                    + at(((StreamConstraintsException) e).getLocation());
        }
        if (e instanceof JsonParseException parse) {
            String original = parse.getOriginalMessage() == null ? "" : parse.getOriginalMessage();
            if (isOwn(parse) || parse.getStackTrace().length > 0
                    && parse.getStackTrace()[0].getClassName().startsWith("io.jenkins.plugins.devsecops.")) {
                return original.lines().findFirst().orElse("") + at(parse.getLocation());
            }
            String kind = original.startsWith("Duplicate field") ? "duplicate key" : "syntax error";
            return "malformed " + format(parse) + at(parse.getLocation()) + ": " + kind;
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
            return "malformed XML" + at(sax.getLineNumber(), sax.getColumnNumber())
                    + (String.valueOf(sax.getMessage()).contains("DOCTYPE") ? ": DOCTYPE is not allowed" : "");
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

    private static String format(JsonProcessingException e) {
        Object source = e.getProcessor();
        return source != null && source.getClass().getName().contains("yaml") ? "YAML" : "JSON";
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
