package io.jenkins.plugins.devsecops.report;

/**
 * Escapes untrusted text for Markdown (CommonMark / GitHub Flavored Markdown) so that it renders as the same
 * literal text: no link, image, emphasis, heading, table or raw HTML can be injected through a finding's text.
 */
final class MarkdownText {

    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&:";

    private MarkdownText() {
    }

    /** {@code text} with every Markdown-significant character backslash-escaped and line breaks kept as spaces. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
