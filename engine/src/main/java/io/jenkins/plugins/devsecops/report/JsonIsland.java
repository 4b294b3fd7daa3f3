package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Makes JSON safe to embed in an HTML {@code <script type="application/json">} element: {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 become {@code \u003c}-style escapes, so that no string in the data can close the
 * element ({@code </script>}), open a comment ({@code <!--}) or end a JavaScript line. The result is still valid
 * JSON with the same value, as those characters only ever occur inside JSON strings.
 */
public final class JsonIsland {

    private JsonIsland() {
    }

    /** {@code json} with the characters that could break out of a script element escaped. */
    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The escapes of {@link #escape} as a JSON generator's own ({@code JsonGenerator.setCharacterEscapes}): the other
     * characters as a generator escapes them by default. A generator writing text with them gives what writing without
     * them, then {@link #escape}, gives, without a writer looking at every character again.
     */
    static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = asciiEscapes();

        private static int[] asciiEscapes() {
            int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
            return escapes;
        }

        private final SerializableString lessThan = new SerializedString("\\u003c");
        private final SerializableString greaterThan = new SerializedString("\\u003e");
        private final SerializableString ampersand = new SerializedString("\\u0026");
        private final SerializableString lineSeparator = new SerializedString("\\u2028");
        private final SerializableString paragraphSeparator = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> lessThan;
                case '>' -> greaterThan;
                case '&' -> ampersand;
                case '\u2028' -> lineSeparator;
                case '\u2029' -> paragraphSeparator;
                default -> null;
            };
        }
    };

    /** A writer that escapes what is written through it as {@link #escape} does, for JSON streamed into a page. */
    public static java.io.Writer escaping(java.io.Writer out) {
        return new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                int from = offset;
                int end = offset + length;
                for (int i = offset; i < end; i++) {
                    String escape = switch (buffer[i]) {
                        case '<' -> "\\u003c";
                        case '>' -> "\\u003e";
                        case '&' -> "\\u0026";
                        case '\u2028' -> "\\u2028";
                        case '\u2029' -> "\\u2029";
                        default -> null;
                    };
                    if (escape != null) {
                        out.write(buffer, from, i - from);
                        out.write(escape);
                        from = i + 1;
                    }
                }
                out.write(buffer, from, end - from);
            }

            @Override
            public void flush() throws java.io.IOException {
                out.flush();
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }
}
