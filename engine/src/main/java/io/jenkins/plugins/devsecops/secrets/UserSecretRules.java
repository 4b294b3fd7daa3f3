package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.files.TreeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A project's own secret rules: every {@code .devsecops/rules/*.yaml} (or {@code .yml}) under the scan root, in the
 * built-in format minus examples, compiled with RE2J. A bad file or rule is reported and skipped; the others load.
 */
final class UserSecretRules {

    /** Where user rules live, relative to the scan root. */
    static final String DIRECTORY = ".devsecops/rules";

    /** Most rule files read. */
    static final int MAX_FILES = 100;

    private UserSecretRules() {
    }

    /**
     * Loads the user rules under {@code root}.
     *
     * @param builtInIds ids user rules may not reuse
     */
    static LoadedRules load(Path root, List<SecretRule> builtIn) {
        Path directory = root.resolve(DIRECTORY);
        List<SecretRule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        TreeFiles tree = new TreeFiles(root);
        try {
            tree.requireNoLinks(directory);
        } catch (IOException e) {
            problems.add(new RuleProblem(DIRECTORY, null, "not read: " + e.getMessage()));
            return new LoadedRules(rules, problems);
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return new LoadedRules(rules, problems);
        }
        Set<String> ids = new HashSet<>();
        builtIn.forEach(rule -> ids.add(rule.id()));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add(new RuleProblem(DIRECTORY, null, "cannot be listed: " + e.getMessage()));
            return new LoadedRules(rules, problems);
        }
        files.sort(null);
        int count = 0;
        for (Path file : files) {
            String name = DIRECTORY + "/" + file.getFileName();
            if (++count > MAX_FILES) {
                problems.add(new RuleProblem(DIRECTORY, null, "holds more than " + MAX_FILES + " rule files; the rest were ignored"));
                break;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new RuleProblem(name, null, "is not a regular file (symbolic links are not followed)"));
                continue;
            }
            try (InputStream in = tree.open(file)) {
                LoadedRules loaded = SecretRuleLoader.load(in, name, SecretRuleLoader.Kind.USER, ids);
                rules.addAll(loaded.rules());
                problems.addAll(loaded.problems());
            } catch (IOException e) {
                problems.add(new RuleProblem(name, null, "cannot be read: " + e.getMessage()));
            }
        }
        return new LoadedRules(rules, problems);
    }
}
