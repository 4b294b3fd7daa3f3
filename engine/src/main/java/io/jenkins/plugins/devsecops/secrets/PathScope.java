package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.scan.Glob;
import java.util.List;

/** Which files a rule applies to, by path relative to the scan root. Immutable and thread-safe. */
@FunctionalInterface
public interface PathScope {

    /** Every file. */
    PathScope ALL = path -> true;

    /** Whether the rule applies to the file at {@code path} ({@code /}-separated, relative to the scan root). */
    boolean appliesTo(String path);

    /**
     * The files matched by any of these gitignore-style globs (a rule's {@code files}), matched in linear time by
     * {@link Glob}.
     *
     * @throws IllegalArgumentException for a glob that is too long or has an invalid character class
     */
    static PathScope globs(List<String> globs) {
        if (globs == null || globs.isEmpty()) {
            return ALL;
        }
        List<Glob> rules = globs.stream().map(Glob::gitignore).toList();
        String common = commonRequiredText(rules);
        return path -> {
            // one search for what every glob's required text holds, instead of one per glob, for most paths
            if (!common.isEmpty() && !path.contains(common)) {
                return false;
            }
            for (Glob rule : rules) {
                if (!rule.negated() && rule.matchesPathOrParent(path, false)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The longest text that the required text ({@link Glob#requiredText()}) of every glob that can match holds, so
     * that a path without it matches none of them: {@code pgpass} for {@code .pgpass} and {@code pgpass.conf}. Empty
     * when one of them requires nothing.
     */
    static String commonRequiredText(List<Glob> globs) {
        List<String> required = globs.stream().filter(g -> !g.negated() && !g.isEmpty()).map(Glob::requiredText)
                .toList();
        if (required.isEmpty()) {
            return "";
        }
        String shortest = required.stream().min(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        for (int length = shortest.length(); length > 0; length--) {
            for (int start = 0; start + length <= shortest.length(); start++) {
                String candidate = shortest.substring(start, start + length);
                if (required.stream().allMatch(text -> text.contains(candidate))) {
                    return candidate;
                }
            }
        }
        return "";
    }
}
