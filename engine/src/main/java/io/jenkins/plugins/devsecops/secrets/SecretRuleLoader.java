package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates rule files. Built-in rules compile with {@link java.util.regex}; user rules compile with
 * RE2J ({@link Re2jSecretPattern}) and are held to tighter limits. A rule with a problem is rejected with a
 * {@link RuleProblem} naming file and rule; the other rules of the file still load.
 */
public final class SecretRuleLoader {

    /** Largest rule file read, in bytes. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** Most rules taken from one user rule file. */
    public static final int MAX_USER_RULES = 500;

    /** Longest user pattern, in characters. */
    public static final int MAX_USER_PATTERN = 4096;

    static final String DEFAULT_REMEDIATION = "Revoke the secret at its issuer and replace it, then remove it from the"
            + " code and, if it was committed, from the repository history.";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /**
     * The project's one hardened YAML reader: no aliases, no duplicate or unknown keys, capped size and depth. Made at
     * first use: the built-in rules are read without it ({@link RuleFileLayout}), so a scan without user rule files
     * never initialises the YAML library for them.
     */
    private static final class Yaml {
        static final StrictYamlReader READER = new StrictYamlReader();
    }

    /** How a file's rules are compiled and checked. */
    public enum Kind {
        /** Shipped with the engine: java.util.regex, keywords and remediation required, unknown fields ignored. */
        BUILT_IN,
        /** From {@code .devsecops/rules/}: RE2J, keywords optional, unknown fields rejected. */
        USER
    }

    private SecretRuleLoader() {
    }

    /**
     * Loads one rule file.
     *
     * @param in the file's content; at most {@link #MAX_FILE_BYTES} are read
     * @param file the file's name for messages
     * @param kind how to compile and check the rules
     * @param takenIds ids already in use (built-in rules, earlier files); ids loaded here are added to it
     */
    public static LoadedRules load(InputStream in, String file, Kind kind, Set<String> takenIds) {
        List<SecretRule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        byte[] content;
        try {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            problems.add(new RuleProblem(file, null, "cannot be read: " + e.getMessage()));
            return new LoadedRules(rules, problems);
        }
        if (content.length > MAX_FILE_BYTES) {
            problems.add(new RuleProblem(file, null, "is larger than " + MAX_FILE_BYTES + " bytes"));
            return new LoadedRules(rules, problems);
        }
        SecretRuleFile parsed;
        try {
            parsed = Yaml.READER.read(new String(content, StandardCharsets.UTF_8), file, SecretRuleFile.class);
        } catch (YamlInputException e) {
            String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
            problems.add(new RuleProblem(file, null, "is not a valid rule file" + where + ": " + firstLine(e.problem())));
            return new LoadedRules(rules, problems);
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(file, null, "is not a valid rule file: " + firstLine(e.getMessage())));
            return new LoadedRules(rules, problems);
        }
        return load(parsed, file, kind, takenIds);
    }

    /**
     * Validates and compiles the rules of a file already read (by the YAML reader or {@link RuleFileLayout}).
     *
     * @param parsed the file as written, null when it was empty
     * @param file the file's name for messages
     * @param kind how to compile and check the rules
     * @param takenIds ids already in use; ids loaded here are added to it
     */
    static LoadedRules load(SecretRuleFile parsed, String file, Kind kind, Set<String> takenIds) {
        List<SecretRule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        if (parsed == null || parsed.rules() == null || parsed.rules().isEmpty()) {
            problems.add(new RuleProblem(file, null, "has no rules (expected a list under 'rules:')"));
            return new LoadedRules(rules, problems);
        }
        int index = 0;
        for (SecretRuleDefinition definition : parsed.rules()) {
            index++;
            if (kind == Kind.USER && rules.size() >= MAX_USER_RULES) {
                problems.add(new RuleProblem(file, null, "has more than " + MAX_USER_RULES + " rules; the rest were ignored"));
                break;
            }
            String name = definition == null || definition.id() == null ? "#" + index : definition.id();
            try {
                SecretRule rule = compile(definition, file, kind, takenIds);
                takenIds.add(rule.id());
                rules.add(rule);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file, name, e.getMessage()));
            }
        }
        return new LoadedRules(rules, problems);
    }

    private static SecretRule compile(SecretRuleDefinition definition, String file, Kind kind, Collection<String> takenIds) {
        if (definition == null) {
            throw new IllegalArgumentException("is empty");
        }
        String id = definition.id();
        if (id == null || !ID.matcher(id).matches() || id.length() > 100) {
            throw new IllegalArgumentException("id must be kebab-case (a-z, 0-9 and single dashes), at most 100 characters");
        }
        if (takenIds.contains(id)) {
            throw new IllegalArgumentException("id is already used by another rule");
        }
        requireText(definition.title(), "title");
        if (definition.severity() == null) {
            throw new IllegalArgumentException("severity is missing (CRITICAL, HIGH, MEDIUM or LOW)");
        }
        Severity severity = Severity.parse(definition.severity());
        List<String> keywords = keywords(definition.keywords(), kind);
        SecretPattern pattern = pattern(definition, kind);
        double minEntropy = definition.minEntropy() == null ? 0 : definition.minEntropy();
        if (!(minEntropy >= 0 && minEntropy <= 16)) {
            throw new IllegalArgumentException("minEntropy must be between 0 and 16 bits per character");
        }
        List<String> files = definition.files() == null ? List.of() : definition.files();
        for (String glob : files) {
            requireText(glob, "files entry");
        }
        String remediation = definition.remediation();
        if (remediation == null || remediation.isBlank()) {
            if (kind == Kind.BUILT_IN) {
                throw new IllegalArgumentException("remediation is missing");
            }
            remediation = DEFAULT_REMEDIATION;
        }
        return SecretRule.builder(id)
                .title(definition.title().strip())
                .provider(definition.provider())
                .severity(severity)
                .keywords(keywords)
                .pattern(pattern)
                .multiline(Boolean.TRUE.equals(definition.multiline()))
                .minEntropy(minEntropy)
                .files(files)
                .remediation(remediation.strip())
                .references(nonNull(definition.references()))
                .examples(kind == Kind.BUILT_IN ? nonNull(definition.examples()) : List.of())
                .counterExamples(kind == Kind.BUILT_IN ? nonNull(definition.counterExamples()) : List.of())
                .origin(kind == Kind.BUILT_IN ? SecretRule.BUILT_IN : file)
                .build();
    }

    private static List<String> keywords(List<String> raw, Kind kind) {
        List<String> keywords = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String keyword : nonNull(raw)) {
            if (keyword == null || keyword.isBlank() || keyword.length() < 2 || keyword.length() > 100) {
                throw new IllegalArgumentException("keywords must be literals of 2 to 100 characters");
            }
            String lower = keyword.toLowerCase(Locale.ROOT);
            if (seen.add(lower)) {
                keywords.add(lower);
            }
        }
        if (keywords.isEmpty() && kind == Kind.BUILT_IN) {
            throw new IllegalArgumentException("keywords are missing: built-in rules need at least one");
        }
        return keywords;
    }

    private static SecretPattern pattern(SecretRuleDefinition definition, Kind kind) {
        String source = definition.pattern();
        requireText(source, "pattern");
        if (kind == Kind.USER && source.length() > MAX_USER_PATTERN) {
            throw new IllegalArgumentException("pattern is longer than " + MAX_USER_PATTERN + " characters");
        }
        int group = definition.secretGroup() == null ? 1 : definition.secretGroup();
        SecretPattern pattern;
        try {
            pattern = kind == Kind.USER ? new Re2jSecretPattern(source, group) : new JdkSecretPattern(source, group);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("pattern does not compile"
                    + (kind == Kind.USER ? " (RE2 syntax: no lookaround, no backreferences)" : "") + ": "
                    + firstLine(e.getMessage()));
        }
        if (kind == Kind.USER && matchesEmpty(source)) {
            throw new IllegalArgumentException("pattern matches the empty string, so it would match everywhere;"
                    + " make it require at least one character (e.g. + instead of *)");
        }
        if (group < 0 || group > pattern.groupCount()) {
            throw new IllegalArgumentException("secretGroup " + group + " does not exist: the pattern has "
                    + pattern.groupCount() + " capture group(s)");
        }
        return pattern;
    }

    /** Whether an RE2 pattern can match an empty string: tried at the start, middle and end of a few probes. */
    private static boolean matchesEmpty(String source) {
        com.google.re2j.Pattern compiled = com.google.re2j.Pattern.compile(source);
        for (String probe : List.of("", " ", "x", "\n", "key = value\n", "0", "\"")) {
            com.google.re2j.Matcher matcher = compiled.matcher(probe);
            int position = 0;
            while (position <= probe.length() && matcher.find(position)) {
                if (matcher.end() == matcher.start()) {
                    return true;
                }
                position = matcher.end();
            }
        }
        return false;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isEmpty()).toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
