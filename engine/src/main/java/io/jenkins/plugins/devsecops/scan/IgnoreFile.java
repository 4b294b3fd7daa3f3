package io.jenkins.plugins.devsecops.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one {@code .devsecopsignore} file (gitignore syntax), matched with {@link Glob}: the last rule that
 * matches a path decides. Immutable once read.
 */
final class IgnoreFile {

    /** Most rules read from one file; the rest are left out. */
    static final int MAX_RULES = 10_000;

    /** What a file says about a path. */
    enum Decision {
        IGNORED, NOT_IGNORED, UNDECIDED
    }

    private final List<Glob> rules;
    private final List<String> problems;

    private IgnoreFile(List<Glob> rules, List<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    /** Reads the rules of an ignore file; invalid lines are left out and listed in {@link #problems()}. */
    static IgnoreFile read(InputStream in) throws IOException {
        List<Glob> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null && rules.size() < MAX_RULES) {
            number++;
            try {
                Glob glob = Glob.gitignore(line);
                if (!glob.isEmpty()) {
                    rules.add(glob);
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + number + ": " + e.getMessage());
            }
        }
        return new IgnoreFile(rules, problems);
    }

    /** The lines left out, with why. */
    List<String> problems() {
        return problems;
    }

    /** What the file says about {@code path}, relative to the file's directory. */
    Decision decide(String path, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Glob rule = rules.get(i);
            if (rule.matches(path, directory)) {
                return rule.negated() ? Decision.NOT_IGNORED : Decision.IGNORED;
            }
        }
        return Decision.UNDECIDED;
    }
}
