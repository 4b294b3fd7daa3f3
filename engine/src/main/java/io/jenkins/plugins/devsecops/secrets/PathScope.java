package io.jenkins.plugins.devsecops.secrets;

import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/** Which files a rule applies to, by path relative to the scan root. Immutable and thread-safe. */
@FunctionalInterface
public interface PathScope {

    /** Every file. */
    PathScope ALL = path -> true;

    /** Whether the rule applies to the file at {@code path} ({@code /}-separated, relative to the scan root). */
    boolean appliesTo(String path);

    /**
     * The files matched by any of these gitignore-style globs (a rule's {@code files}), using JGit's gitignore matcher.
     */
    static PathScope globs(List<String> globs) {
        if (globs == null || globs.isEmpty()) {
            return ALL;
        }
        List<FastIgnoreRule> rules = globs.stream().map(FastIgnoreRule::new).toList();
        return path -> {
            for (FastIgnoreRule rule : rules) {
                if (!rule.getNegation() && rule.isMatch(path, false)) {
                    return true;
                }
            }
            return false;
        };
    }
}
