package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Long runs of token characters, candidates for {@link #maskRandomTokens}. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");

    /** Entropy above which a long token in a snippet is masked even though no rule matched it. */
    static final double RANDOM_TOKEN_ENTROPY = 3.5;

    /**
     * Masks long random-looking tokens no rule matched, e.g. the second of two secrets on a line: a snippet must not
     * carry a credential the rules missed. Identifiers and words have lower entropy and stay readable.
     */
    static String maskRandomTokens(String line) {
        Matcher matcher = TOKEN.matcher(line);
        StringBuilder out = null;
        int position = 0;
        while (matcher.find()) {
            if (ShannonEntropy.of(line, matcher.start(), matcher.end()) < RANDOM_TOKEN_ENTROPY
                    || !hasDigit(line, matcher.start(), matcher.end())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(line.length());
            }
            out.append(line, position, matcher.start()).append(mask(line.substring(matcher.start(), matcher.end())));
            position = matcher.end();
        }
        return out == null ? line : out.append(line, position, line.length()).toString();
    }

    private static boolean hasDigit(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
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
        List<String> secrets = new ArrayList<>();
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
        line = maskRandomTokens(line).replace('\t', ' ').stripTrailing();
        if (line.length() <= MAX_SNIPPET) {
            return line;
        }
        int from = Math.max(0, Math.min(focusInOut - MAX_SNIPPET / 3, line.length() - MAX_SNIPPET));
        return (from > 0 ? "…" : "") + line.substring(from, Math.min(line.length(), from + MAX_SNIPPET))
                + (from + MAX_SNIPPET < line.length() ? "…" : "");
    }
}
