package io.jenkins.plugins.devsecops.imports;

/** Cleans text taken from reports: HTML tags dropped (ZAP writes HTML), whitespace collapsed, length capped. */
final class PlainText {

    /** Longest title kept. */
    static final int TITLE_LIMIT = 300;

    /** Longest message or remediation kept. */
    static final int TEXT_LIMIT = 4000;

    private PlainText() {
    }

    /** The text with whitespace collapsed and cut to {@code limit} characters; {@code null} for blank. */
    static String clip(String text, int limit) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() <= limit; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        if (out.length() > limit) {
            out.setLength(limit - 1);
            out.append('…');
        }
        return out.toString();
    }

    /** HTML reduced to its text: tags removed, the common entities decoded, then clipped. */
    static String fromHtml(String html, int limit) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(html.length(), limit * 2));
        boolean inTag = false;
        for (int i = 0; i < html.length() && out.length() < limit * 2; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
                out.append(' ');
            } else if (c == '>' && inTag) {
                inTag = false;
            } else if (!inTag) {
                out.append(c);
            }
        }
        String text = out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return clip(text, limit);
    }
}
