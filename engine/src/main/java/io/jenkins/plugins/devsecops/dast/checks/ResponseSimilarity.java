package io.jenkins.plugins.devsecops.dast.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two response bodies are, from 0 to 1: the weighted Jaccard index of their word multisets, after the
 * injected values (and their HTML-escaped forms) are removed, so that an echo of the payload is no difference.
 */
public final class ResponseSimilarity {

    private static final int MAX_WORDS = 200_000;

    private ResponseSimilarity() {
    }

    /** The similarity of {@code a} and {@code b}, ignoring the {@code echoes}. */
    public static double of(String a, String b, List<String> echoes) {
        Map<String, Integer> left = words(strip(a, echoes));
        Map<String, Integer> right = words(strip(b, echoes));
        if (left.isEmpty() && right.isEmpty()) {
            return 1.0;
        }
        long shared = 0;
        long total = 0;
        for (Map.Entry<String, Integer> entry : left.entrySet()) {
            int other = right.getOrDefault(entry.getKey(), 0);
            shared += Math.min(entry.getValue(), other);
            total += Math.max(entry.getValue(), other);
        }
        for (Map.Entry<String, Integer> entry : right.entrySet()) {
            if (!left.containsKey(entry.getKey())) {
                total += entry.getValue();
            }
        }
        return total == 0 ? 1.0 : (double) shared / total;
    }

    private static String strip(String body, List<String> echoes) {
        String result = body;
        for (String echo : echoes) {
            if (echo.isEmpty()) {
                continue;
            }
            result = result.replace(echo, " ");
            String escaped = echo.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
            result = result.replace(escaped, " ").replace(escaped.replace("'", "&#039;"), " ")
                    .replace(escaped.replace("'", "&#39;"), " ");
            String slashed = echo.replace("\\", "\\\\").replace("'", "\\'").replace("\"", "\\\"");
            result = result.replace(slashed, " ");
        }
        return result;
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        int start = -1;
        int words = 0;
        for (int i = 0; i <= text.length() && words < MAX_WORDS; i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                counts.merge(text.substring(start, i), 1, Integer::sum);
                words++;
                start = -1;
            }
        }
        return counts;
    }
}
