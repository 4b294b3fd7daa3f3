package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonIslandEscapesTest {

    private static final String ALPHABET = "<>&\u2028\u2029\"\\/\n\r\t\u0000\u001f\u007f\u0085\u00e9\u20ac"
            + "\uD83D\uDD11\uD800\uDC00\uDFFFab </script><!-- ]]> &amp; \u003c";

    /** Hostile texts: every special character alone and in runs, long ones past the generator's buffer. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", "plain", "</script><script>alert(1)</script>",
                "a\u2028b\u2029c", "<!--", "&lt;", "\uD800", "\uDC00x", "x\uD83D", "tab\there"));
        for (char c : ALPHABET.toCharArray()) {
            texts.add(String.valueOf(c));
            texts.add(String.valueOf(c).repeat(9000));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 20_000 : 200);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static void write(JsonGenerator json, List<String> texts) throws IOException {
        json.writeStartArray();
        for (String text : texts) {
            json.writeStartObject();
            json.writeStringField("text", text);
            json.writeStringField(text, "as a field name");
            json.writeFieldName("chars");
            char[] chars = text.toCharArray();
            json.writeString(chars, 0, chars.length);
            json.writeNumberField("n", text.length());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Test
    void shouldWriteWhatEscapingTheGeneratorsOutputGives() throws IOException {
        List<String> texts = texts();
        StringWriter plain = new StringWriter();
        try (JsonGenerator json = JsonGenerators.compact(plain)) {
            write(json, texts);
        }
        StringWriter escapedByWriter = new StringWriter();
        try (JsonGenerator json = JsonGenerators.compact(JsonIsland.escaping(escapedByWriter))) {
            write(json, texts);
        }
        StringWriter escapedByGenerator = new StringWriter();
        try (JsonGenerator json = JsonGenerators.compact(escapedByGenerator).setCharacterEscapes(JsonIsland.ESCAPES)) {
            write(json, texts);
        }
        assertThat(escapedByWriter.toString()).isEqualTo(JsonIsland.escape(plain.toString()));
        assertThat(escapedByGenerator.toString()).isEqualTo(escapedByWriter.toString())
                .doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .contains("\\u003c/script\\u003e").contains("\\u2029");
    }
}
