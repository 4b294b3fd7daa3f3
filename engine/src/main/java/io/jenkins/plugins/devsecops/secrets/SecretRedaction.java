package io.jenkins.plugins.devsecops.secrets;

/**
 * Masks secrets before anything leaves the engine: at most the first four characters of a long secret stay, then
 * {@code ****}; a short one is masked whole. Snippets are cut around the secret so minified files stay readable.
 */
final class SecretRedaction {

    /** Secrets shorter than this are masked whole: four characters of a short secret would give too much away. */
    static final int KEEP_PREFIX_FROM = 16;

    /** The mask. */
    static final String MASK = "****";

    /** Longest snippet kept, in characters. */
    static final int MAX_SNIPPET = 240;

    private SecretRedaction() {
    }

    /** The masked form of {@code secret}. */
    static String mask(CharSequence secret) {
        if (secret.length() < KEEP_PREFIX_FROM) {
            return MASK;
        }
        StringBuilder masked = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            char c = secret.charAt(i);
            // A line break in the prefix (multi-line secrets) would break the one-line snippet.
            masked.append(Character.isWhitespace(c) ? ' ' : c);
        }
        return masked.append(MASK).toString();
    }

    /**
     * One line of text with the given spans masked.
     *
     * @param text the whole text
     * @param lineStart where the line starts in {@code text}
     * @param lineEnd where it ends (exclusive, without the line break)
     * @param spans secret spans in {@code text} as start/end pairs, sorted by start; parts outside the line are ignored
     * @param focus the offset the snippet is centred on when the line is too long
     */
    static String redactLine(CharSequence text, int lineStart, int lineEnd, int[] spans, int focus) {
        StringBuilder out = new StringBuilder(Math.min(lineEnd - lineStart, MAX_SNIPPET * 2) + 16);
        int position = lineStart;
        int focusInOut = 0;
        java.util.List<String> secrets = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < spans.length; i += 2) {
            int secretStart = spans[i];
            int secretEnd = spans[i + 1];
            if (secretEnd <= lineStart || secretStart >= lineEnd) {
                continue;
            }
            int start = Math.max(secretStart, lineStart);
            int end = Math.min(secretEnd, lineEnd);
            if (end - start >= 6) {
                secrets.add(text.subSequence(start, end).toString());
            }
            if (start < position) {
                position = Math.max(position, end);
                continue;
            }
            out.append(text, position, start);
            if (secretStart <= focus && focus < secretEnd) {
                focusInOut = out.length();
            }
            // The mask is computed from the whole secret; a secret that started on an earlier line is masked whole.
            out.append(secretStart < lineStart ? MASK : mask(text.subSequence(secretStart, secretEnd)));
            position = end;
        }
        if (position < lineEnd) {
            out.append(text, position, lineEnd);
        }
        String line = out.toString();
        for (String secret : secrets) {
            // The same value written twice on the line, e.g. in a comment, is masked too.
            line = line.replace(secret, MASK);
        }
        line = line.replace('\t', ' ').stripTrailing();
        if (line.length() <= MAX_SNIPPET) {
            return line;
        }
        int from = Math.max(0, Math.min(focusInOut - MAX_SNIPPET / 3, line.length() - MAX_SNIPPET));
        return (from > 0 ? "…" : "") + line.substring(from, Math.min(line.length(), from + MAX_SNIPPET))
                + (from + MAX_SNIPPET < line.length() ? "…" : "");
    }
}
