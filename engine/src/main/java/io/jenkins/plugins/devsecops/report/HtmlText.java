package io.jenkins.plugins.devsecops.report;

/**
 * Escapes untrusted text for HTML element content and quoted attribute values. Every character with a meaning in
 * HTML ({@code & < > " '}) becomes a character reference; control characters other than tab and line breaks, which
 * HTML forbids, and unpaired surrogates, which UTF-8 cannot encode, become U+FFFD. Other Unicode text passes as is
 * (the page is UTF-8).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} safe to place between tags or inside a double- or single-quoted attribute; "" for null. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (Character.isSurrogate(c) || isForbiddenControl(c)) {
                    replacement = "\uFFFD";
                }
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(length + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
    }
}
