package io.jenkins.plugins.devsecops.view;

/**
 * Makes text safe to print on a terminal or in a Jenkins build log: control characters are escaped so that a file
 * name, a rule message or a parser error can neither send escape sequences to the terminal nor forge a console line
 * ({@code "x.txt\nPolicy: PASSED"}). Escaped: C0 controls ({@code \n}, {@code \r}, {@code \t}, {@code \e}, else
 * {@code \xNN}), DEL, C1 controls, the Unicode line and paragraph separators and the bidirectional overrides and
 * isolates that reorder what is shown ({@code \u202E} etc.). Everything else is kept as is.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /** {@code text} with every control character escaped; {@code null} stays {@code "null"}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x1B -> out.append("\\e");
                default -> {
                    if (c < 0x100) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether {@code text} holds a character {@link #escape} would change. */
    public static boolean needsEscaping(String text) {
        return text != null && firstUnsafe(text) >= 0;
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
