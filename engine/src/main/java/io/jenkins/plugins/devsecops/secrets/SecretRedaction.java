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

    /** Lines longer than this are redacted in a window around the secret only: the snippet shows no more anyway. */
    static final int LONG_LINE = 4 * MAX_SNIPPET;

    /** How far a window's edge moves to leave no token cut in two. */
    private static final int TOKEN_EDGE = 256;

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
        return redactLine(text, lineStart, lineEnd, spans, maxEnds(spans), focus);
    }

    /**
     * One line of text with the given spans masked, as {@link #redactLine(CharSequence, int, int, int[], int)}.
     * {@code maxEnds} holds, per span pair, the largest end of the pairs up to it, so that the spans reaching into
     * the line are found by a binary search. A long line is cut to a window around {@code focus} first, so the work
     * is bounded by the snippet, not by the line or the number of secrets in the file.
     */
    static String redactLine(CharSequence text, int lineStart, int lineEnd, int[] spans, int[] maxEnds, int focus) {
        if (lineEnd - lineStart <= LONG_LINE) {
            return redactWindow(text, lineStart, lineEnd, spans, firstSpanEndingAfter(maxEnds, lineStart), focus);
        }
        int from = Math.max(lineStart, Math.min(focus, lineEnd) - MAX_SNIPPET);
        int to = Math.min(lineEnd, from + 2 * MAX_SNIPPET);
        for (int i = 0; i < TOKEN_EDGE && from > lineStart && isTokenChar(text.charAt(from - 1)); i++) {
            from--;
        }
        for (int i = 0; i < TOKEN_EDGE && to < lineEnd && isTokenChar(text.charAt(to)); i++) {
            to++;
        }
        String window = redactWindow(text, from, to, spans, firstSpanEndingAfter(maxEnds, from), focus);
        if (from > lineStart && !window.startsWith("…")) {
            window = "…" + window;
        }
        if (to < lineEnd && !window.endsWith("…")) {
            window = window + "…";
        }
        return window;
    }

    /**
     * The first span pair that ends after {@code offset}: no pair before it reaches past {@code offset}.
     *
     * @param maxEnds per span pair (sorted by start), the largest end of the pairs up to it
     */
    static int firstSpanEndingAfter(int[] maxEnds, int offset) {
        int low = 0;
        int high = maxEnds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (maxEnds[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Per span pair of {@code spans} (sorted by start), the largest end of the pairs up to it. */
    static int[] maxEnds(int[] spans) {
        int[] maxEnds = new int[spans.length / 2];
        for (int i = 0; i < maxEnds.length; i++) {
            maxEnds[i] = Math.max(i == 0 ? Integer.MIN_VALUE : maxEnds[i - 1], spans[2 * i + 1]);
        }
        return maxEnds;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "+/=_-".indexOf(c) >= 0;
    }

    private static String redactWindow(CharSequence text, int lineStart, int lineEnd, int[] spans, int firstSpan,
            int focus) {
        StringBuilder out = new StringBuilder(Math.min(lineEnd - lineStart, MAX_SNIPPET * 2) + 16);
        int position = lineStart;
        int focusInOut = 0;
        List<String> secrets = new ArrayList<>();
        for (int i = Math.max(0, 2 * firstSpan); i + 1 < spans.length; i += 2) {
            int secretStart = spans[i];
            int secretEnd = spans[i + 1];
            if (secretStart >= lineEnd) {
                break; // sorted by start: no later span reaches into the line
            }
            if (secretEnd <= lineStart) {
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
