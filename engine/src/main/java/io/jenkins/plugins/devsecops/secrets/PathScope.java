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
        return path -> {
            for (Glob rule : rules) {
                if (!rule.negated() && rule.matchesPathOrParent(path, false)) {
                    return true;
                }
            }
            return false;
        };
    }
}
