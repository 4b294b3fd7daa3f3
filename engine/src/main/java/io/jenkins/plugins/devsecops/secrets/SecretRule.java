package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One compiled, validated secret rule. Built from the built-in {@code rules.yaml}, from a user's
 * {@code .devsecops/rules/*.yaml}, or in code (the generic assignment rule). Immutable and thread-safe.
 *
 * @param id kebab-case id, unique in a rule set
 * @param title what the secret is, e.g. "AWS access key ID"
 * @param provider who issues it, groups rules in the docs
 * @param severity severity of its findings
 * @param confidence confidence of its findings outside test code
 * @param keywords lower-case literals; the pattern only runs where one occurs; empty runs it over every file
 * @param pattern the compiled pattern
 * @param multiline whether matches may span lines (the pattern then runs over a window of lines after a keyword)
 * @param anchored whether the pattern continues a keyword: it is then tried once right after each keyword hit
 *     instead of searching the hit's line, and the match is reported from the keyword's start (rules defined in code)
 * @param minEntropy the minimum Shannon entropy (bits per character) of the secret value, 0 for none
 * @param files the {@code files} globs as written, empty for every file
 * @param scope which files the rule applies to
 * @param check a rule-specific test of each match
 * @param remediation what to do once the secret leaked
 * @param references links to the provider's documentation
 * @param examples true positives the rule must find
 * @param counterExamples near misses the rule must not find
 * @param origin where the rule was defined: {@code built-in} or the user rule file's path
 */
public record SecretRule(String id, String title, String provider, Severity severity, Confidence confidence,
        List<String> keywords, SecretPattern pattern, boolean multiline, boolean anchored, double minEntropy, List<String> files,
        PathScope scope, CandidateCheck check, String remediation, List<String> references, List<String> examples,
        List<String> counterExamples, String origin) {

    /** The weakness every secret rule reports. */
    public static final String CWE = "CWE-798";

    /** The origin of rules shipped with the engine. */
    public static final String BUILT_IN = "built-in";

    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        provider = provider == null || provider.isBlank() ? "Other" : provider;
        confidence = confidence == null ? Confidence.HIGH : confidence;
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        files = List.copyOf(files == null ? List.of() : files);
        scope = scope == null ? PathScope.ALL : scope;
        check = check == null ? CandidateCheck.ANY : check;
        references = List.copyOf(references == null ? List.of() : references);
        examples = List.copyOf(examples == null ? List.of() : examples);
        counterExamples = List.copyOf(counterExamples == null ? List.of() : counterExamples);
        origin = origin == null ? BUILT_IN : origin;
    }

    /** Whether the engine ships this rule. */
    public boolean isBuiltIn() {
        return BUILT_IN.equals(origin);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds {@link SecretRule}s. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String title;
        private String provider;
        private Severity severity;
        private Confidence confidence = Confidence.HIGH;
        private final List<String> keywords = new ArrayList<>();
        private SecretPattern pattern;
        private boolean multiline;
        private boolean anchored;
        private double minEntropy;
        private final List<String> files = new ArrayList<>();
        private PathScope scope;
        private CandidateCheck check;
        private String remediation;
        private final List<String> references = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private final List<String> counterExamples = new ArrayList<>();
        private String origin = BUILT_IN;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder provider(String value) {
            provider = value;
            return this;
        }

        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        public Builder confidence(Confidence value) {
            confidence = value;
            return this;
        }

        public Builder keywords(List<String> values) {
            keywords.addAll(values);
            return this;
        }

        public Builder pattern(SecretPattern value) {
            pattern = value;
            return this;
        }

        public Builder multiline(boolean value) {
            multiline = value;
            return this;
        }

        public Builder anchored(boolean value) {
            anchored = value;
            return this;
        }

        public Builder minEntropy(double value) {
            minEntropy = value;
            return this;
        }

        /** Restricts the rule to files matching these globs. */
        public Builder files(List<String> globs) {
            files.addAll(globs);
            scope = PathScope.globs(files);
            return this;
        }

        /** Restricts the rule to files by a scope of its own (the {@code files} list stays for the docs). */
        public Builder scope(PathScope value) {
            scope = value;
            return this;
        }

        public Builder check(CandidateCheck value) {
            check = value;
            return this;
        }

        public Builder remediation(String value) {
            remediation = value;
            return this;
        }

        public Builder references(List<String> values) {
            references.addAll(values);
            return this;
        }

        public Builder examples(List<String> values) {
            examples.addAll(values);
            return this;
        }

        public Builder counterExamples(List<String> values) {
            counterExamples.addAll(values);
            return this;
        }

        public Builder origin(String value) {
            origin = value;
            return this;
        }

        public SecretRule build() {
            return new SecretRule(id, title, provider, severity, confidence, keywords, pattern, multiline, anchored, minEntropy,
                    files, scope, check, remediation, references, examples, counterExamples, origin);
        }
    }
}
