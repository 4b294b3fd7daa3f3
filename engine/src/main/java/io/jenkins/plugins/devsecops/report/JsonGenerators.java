package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The JSON generators of the report writers that write field by field: from a plain {@link JsonFactory}, without an
 * {@code ObjectMapper}. A mapper's writer gives the same bytes (its factory is a plain one; {@code INDENT_OUTPUT} is
 * its default {@link DefaultPrettyPrinter}), but building the first mapper of a process (its class set-up, date
 * formats, type factory) was a fixed cost of every scan. A generator made here has no codec: only text, numbers and
 * booleans may be written as objects to it.
 */
public final class JsonGenerators {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonGenerators() {
    }

    /** UTF-8 to {@code out}, indented as a mapper with {@code INDENT_OUTPUT} writes; does not close {@code out}. */
    public static JsonGenerator indented(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Compact, to {@code out}; does not close {@code out}. */
    public static JsonGenerator compact(Writer out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
