package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.scan.Glob;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds the reports to import under the scan root, by the gitignore-style globs of the import patterns (matched
 * by {@link Glob} in linear time, as the walk's own patterns). It walks the tree itself, because reports are often larger than the
 * walk's size limit or excluded from the scan. Symbolic links are never followed, so a link cannot make the
 * import read a file outside the root; {@code .git} is not entered.
 */
final class ReportLocator {

    /** More reports than this are left out with a warning. */
    static final int MAX_REPORTS = 1_000;

    /** One report found: its path relative to the root and the pattern that matched it. */
    record Match(Path file, String path, ImportPattern pattern) {
    }

    private record Rule(ImportPattern pattern, Glob rule) {
    }

    private ReportLocator() {
    }

    /**
     * The reports under {@code root} matched by {@code patterns}, in path order; a file matched by several
     * patterns is taken by the first. An invalid pattern is reported to {@code errors} (pattern, why) and left out;
     * the other patterns go on.
     */
    static List<Match> locate(Path root, List<ImportPattern> patterns, Consumer<String> warnings,
            BiConsumer<ImportPattern, String> errors) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (ImportPattern pattern : patterns) {
            Glob rule;
            try {
                rule = Glob.gitignore(pattern.glob());
            } catch (IllegalArgumentException e) {
                errors.accept(pattern, "Invalid import pattern '" + pattern + "': " + e.getMessage());
                continue;
            }
            if (rule.negated() || rule.isEmpty()) {
                errors.accept(pattern, "Invalid import pattern '" + pattern
                        + "': negations, comments and empty patterns are not supported");
                continue;
            }
            rules.add(new Rule(pattern, rule));
        }
        if (rules.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        int[] links = new int[1];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                for (Rule rule : rules) {
                    if (rule.rule().matchesPathOrParent(relative, false)) {
                        if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                            links[0]++;
                        } else if (matches.size() < MAX_REPORTS) {
                            matches.add(new Match(file, relative, rule.pattern()));
                        } else if (matches.size() == MAX_REPORTS) {
                            warnings.accept("More than " + MAX_REPORTS + " reports match the import patterns: the rest were left out");
                            return FileVisitResult.TERMINATE;
                        }
                        break;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        if (links[0] > 0) {
            warnings.accept(links[0] + " matching symbolic links or special files were not imported (links are never followed)");
        }
        matches.sort((a, b) -> a.path().compareTo(b.path()));
        return matches;
    }
}
