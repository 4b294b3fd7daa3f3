package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the built-in secret rule catalogue ({@code rules.yaml}) against the rule-format contract: every rule is
 * complete, its pattern compiles, finds each of its examples (with a keyword inside the match, as the prefilter
 * requires), rejects its near misses, and cannot be driven into catastrophic backtracking.
 */
class SecretRuleCatalogTest {

    private static final String RULES_RESOURCE = "/io/jenkins/plugins/devsecops/secrets/rules.yaml";

    /** The detector matches a multiline rule over at most this many lines from the keyword's line. */
    private static final int MULTILINE_WINDOW_LINES = 200;

    /** ... and at most this many characters. */
    private static final int MULTILINE_WINDOW_CHARS = 16 * 1024;

    private static final int HOSTILE_INPUT_LENGTH = 100_000;

    /** Hostile inputs are built from at most this many keywords of a rule (variants of one prefix add little). */
    private static final int HOSTILE_KEYWORDS_PER_RULE = 4;

    /** Generous per-rule guard against a hang; not a speed assertion. */
    private static final long HANG_GUARD_SECONDS = 60;

    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    /**
     * Providers that issue 2 §4 requires the catalogue to cover (provider names as written in the rules).
     */
    private static final Set<String> REQUIRED_PROVIDERS = Set.of("AWS", "Google Cloud", "Azure", "GitHub", "GitLab",
            "Slack", "Stripe", "Twilio", "SendGrid", "Mailgun", "npm", "PyPI", "Docker", "Heroku", "Shopify",
            "Atlassian", "Okta", "Databricks", "OpenAI", "Anthropic", "Private key", "JWT", "Credentials in URL",
            "Jenkins", "netrc");

    /**
     * Rule ids that the issue names explicitly (formats listed in §4 of issue 2 and the rule brief). Rules defined in
     * code ({@code kubernetes-secret-data}, {@code private-key-pem}...) are required by BuiltInSecretRulesTest.
     */
    private static final Set<String> REQUIRED_RULES = Set.of("aws-access-key-id", "aws-secret-access-key",
            "gcp-service-account-key", "gcp-api-key", "azure-storage-connection-string", "azure-sas-token",
            "github-pat-classic", "github-pat-fine-grained", "github-oauth-token", "github-app-installation-token",
            "gitlab-pat", "gitlab-runner-auth-token", "gitlab-deploy-token", "slack-bot-token", "slack-user-token",
            "slack-incoming-webhook", "stripe-live-secret-key", "private-key-rsa", "private-key-ec", "private-key-dsa",
            "private-key-openssh", "private-key-pgp", "private-key-pkcs8", "private-key-pkcs8-encrypted", "jwt",
            "url-credentials-http", "jenkins-api-token", "jenkins-encrypted-secret",
            "npmrc-auth-token", "pypirc-password", "netrc-password", "docker-config-auth");

    /**
     * Documented, deliberate overlaps: the example of the first rule is also matched by the second rule.
     * <ul>
     * <li>A service-account JSON embeds a PKCS#8 PEM key: the generic private-key rule must keep finding PEM keys
     * pasted into any JSON, and the service-account rule adds the provider context.</li>
     * <li>A Netlify token named in its context ({@code NETLIFY_AUTH_TOKEN=nfp_…}) is also a bare prefixed token; the
     * detector keeps one finding for the one value.</li>
     * </ul>
     */
    private static final Set<String> ALLOWED_OVERLAPS = Set.of("gcp-service-account-key -> private-key-pkcs8",
            "netlify-access-token -> netlify-prefixed-token");

    /** Test-local view of one rule; the detector's own loader lives with the detector. */
    record RuleDefinition(String id, String title, String provider, String severity, List<String> keywords,
            String pattern, Integer secretGroup, Boolean multiline, Double minEntropy, List<String> files,
            String remediation, List<String> references, List<String> examples, List<String> counterExamples) {

        int group() {
            return secretGroup == null ? 1 : secretGroup;
        }

        boolean isMultiline() {
            return Boolean.TRUE.equals(multiline);
        }

        Pattern compiled() {
            return Pattern.compile(pattern);
        }
    }

    /** Test-local view of the whole file. */
    record RuleFile(List<RuleDefinition> rules) {
    }

    private static List<RuleDefinition> rules;

    @BeforeAll
    static void loadCatalogue() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = SecretRuleCatalogTest.class.getResourceAsStream(RULES_RESOURCE)) {
            assertThat(in).as("resource %s", RULES_RESOURCE).isNotNull();
            rules = yaml.readValue(in, RuleFile.class).rules();
        }
    }

    @Test
    void shouldDefineAtLeastEightyRulesWithUniqueKebabCaseIds() {
        // Given the catalogue
        List<String> ids = rules.stream().map(RuleDefinition::id).toList();

        // Then
        assertThat(ids).hasSizeGreaterThanOrEqualTo(80).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z0-9]+(?:-[a-z0-9]+)*"));
    }

    @Test
    void shouldDescribeEveryRuleCompletely() {
        List<String> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            String id = rule.id();
            check(problems, isBlank(rule.title()), id, "has no title");
            check(problems, isBlank(rule.provider()), id, "has no provider");
            check(problems, !SEVERITIES.contains(rule.severity()), id, "has severity " + rule.severity());
            check(problems, isBlank(rule.pattern()), id, "has no pattern");
            check(problems, rule.keywords() == null || rule.keywords().isEmpty(), id, "has no keywords");
            if (rule.keywords() != null) {
                rule.keywords().forEach(k -> check(problems, isBlank(k) || !k.equals(k.toLowerCase(Locale.ROOT)), id,
                        "keyword '" + k + "' is blank or not lower-case"));
            }
            check(problems, rule.remediation() == null || !rule.remediation().startsWith("Revoke and rotate"), id,
                    "remediation does not start with 'Revoke and rotate'");
            check(problems, rule.references() == null || rule.references().isEmpty()
                    || !rule.references().stream().allMatch(r -> r.startsWith("https://")), id,
                    "needs https:// references");
            check(problems, rule.examples() == null || rule.examples().size() < 2, id, "needs at least 2 examples");
            check(problems, rule.counterExamples() == null || rule.counterExamples().isEmpty(), id,
                    "needs at least 1 counterExample");
            check(problems, rule.minEntropy() != null && (rule.minEntropy() <= 0 || rule.minEntropy() >= 8), id,
                    "minEntropy out of (0, 8)");
            check(problems, rule.files() != null && (rule.files().isEmpty()
                    || rule.files().stream().anyMatch(SecretRuleCatalogTest::isBlank)), id, "has empty files globs");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldCompileEveryPatternWithItsSecretGroup() {
        List<String> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            try {
                int groups = rule.compiled().matcher("").groupCount();
                check(problems, rule.group() < 0 || rule.group() > groups, rule.id(),
                        "secretGroup " + rule.group() + " but the pattern has " + groups + " groups");
            } catch (PatternSyntaxException e) {
                problems.add(rule.id() + " does not compile: " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindEveryExampleWithANonEmptySecretAndAKeywordInsideTheMatch() {
        List<String> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            Pattern pattern = rule.compiled();
            for (String example : rule.examples()) {
                // When the example is scanned alone
                Matcher m = pattern.matcher(example);

                // Then the rule finds it
                if (!m.find()) {
                    problems.add(rule.id() + " does not match its example " + abbreviate(example));
                    continue;
                }
                String id = rule.id() + " on " + abbreviate(example);
                String match = m.group();
                String secret = m.group(rule.group());
                check(problems, secret == null || secret.isEmpty(), id, "has an empty secret group");
                check(problems, !containsKeyword(rule, match), id, "has no keyword inside the match");
                if (rule.isMultiline()) {
                    check(problems, !keywordOnFirstLine(rule, example, m.start()), id,
                            "starts on a line without a keyword");
                    check(problems, match.length() > MULTILINE_WINDOW_CHARS, id, "exceeds the multiline window size");
                    check(problems, match.lines().count() > MULTILINE_WINDOW_LINES, id,
                            "exceeds the multiline window lines");
                } else {
                    check(problems, match.contains("\n") || match.contains("\r"), id, "spans lines");
                }
                if (rule.minEntropy() != null && secret != null) {
                    check(problems, shannonEntropy(secret) < rule.minEntropy(), id,
                            "secret entropy is below minEntropy " + rule.minEntropy());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectEveryCounterExample() {
        List<String> problems = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            Pattern pattern = rule.compiled();
            for (String near : rule.counterExamples()) {
                check(problems, pattern.matcher(near).find(), rule.id(), "matches its counterExample " + abbreviate(near));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldCoverTheProvidersAndFormatsRequiredByTheIssue() {
        // Given
        Set<String> providers = rules.stream().map(RuleDefinition::provider).collect(Collectors.toSet());
        Set<String> ids = rules.stream().map(RuleDefinition::id).collect(Collectors.toSet());

        // Then
        assertThat(providers).containsAll(REQUIRED_PROVIDERS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(ids).containsAll(REQUIRED_RULES);
    }

    @Test
    void shouldKeepExamplesOfDifferentRulesApartExceptDocumentedOverlaps() {
        // Given every rule compiled once
        Map<String, Pattern> compiled = new TreeMap<>();
        rules.forEach(r -> compiled.put(r.id(), r.compiled()));

        // When every example is run through every other rule
        Set<String> overlaps = new TreeSet<>();
        for (RuleDefinition rule : rules) {
            for (String example : rule.examples()) {
                compiled.forEach((otherId, other) -> {
                    // Fallback rules (command-line flags, Authorization headers, connection strings) yield to any
                    // specific rule matching the same value in the detector, so their overlaps are by design.
                    if (!otherId.equals(rule.id()) && !SecretDetector.FALLBACK_RULES.contains(otherId)
                            && other.matcher(example).find()) {
                        overlaps.add(rule.id() + " -> " + otherId);
                    }
                });
            }
        }

        // Then only the documented overlaps occur (and none of them is stale)
        assertThat(overlaps).containsExactlyInAnyOrderElementsOf(ALLOWED_OVERLAPS);
    }

    @Test
    void shouldFinishOnHostileHundredKilobyteInputsWithoutCatastrophicBacktracking() throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rule-backtracking-guard");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        int inputs = 0;
        try {
            for (RuleDefinition rule : rules) {
                Pattern pattern = rule.compiled();
                List<String> hostile = hostileInputs(rule, pattern);
                inputs += hostile.size();
                // When every hostile input is scanned
                Future<?> run = executor.submit(() -> {
                    for (String input : hostile) {
                        Matcher m = pattern.matcher(new InterruptibleCharSequence(input));
                        while (m.find()) {
                            // consume every match, as the detector does
                        }
                    }
                });
                try {
                    run.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    failures.add(rule.id() + ": did not finish within the hang guard");
                } catch (ExecutionException e) {
                    failures.add(rule.id() + ": " + e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }

        // Then every rule finishes on every input
        assertThat(inputs).isGreaterThan(rules.size() * 4);
        assertThat(failures).isEmpty();
    }

    /**
     * Hostile inputs of about 100 KB: each keyword followed by long runs of characters from the secret alphabets
     * (the classic trigger for nested or overlapping quantifiers), the keyword repeated back to back (many
     * prefilter hits), and the first example's match with its secret replaced by an endless run of its own
     * characters.
     */
    private static List<String> hostileInputs(RuleDefinition rule, Pattern pattern) {
        Set<String> inputs = new LinkedHashSet<>();
        List<String> fillers = new ArrayList<>(List.of("a", "A", "0", "aZ9_-.+/=", " \t"));
        if (rule.isMultiline()) {
            fillers.add("\n");
            fillers.add("a\n");
        }
        for (String keyword : rule.keywords().subList(0, Math.min(HOSTILE_KEYWORDS_PER_RULE, rule.keywords().size()))) {
            for (String filler : fillers) {
                inputs.add(keyword + fill(filler, HOSTILE_INPUT_LENGTH));
            }
            inputs.add(fill(keyword, HOSTILE_INPUT_LENGTH));
            inputs.add(fill(keyword + " = ", HOSTILE_INPUT_LENGTH));
        }
        Matcher m = pattern.matcher(rule.examples().get(0));
        if (m.find()) {
            String prefix = rule.examples().get(0).substring(0, m.start(rule.group()));
            String secret = m.group(rule.group());
            if (!secret.isEmpty()) {
                inputs.add(prefix + fill(secret, HOSTILE_INPUT_LENGTH));
                inputs.add(prefix + fill(secret.substring(secret.length() - 1), HOSTILE_INPUT_LENGTH));
            }
            inputs.add(fill(m.group(), HOSTILE_INPUT_LENGTH));
        }
        return List.copyOf(inputs);
    }

    private static void check(List<String> problems, boolean failed, String subject, String problem) {
        if (failed) {
            problems.add(subject + " " + problem);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String fill(String unit, int length) {
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        return sb.toString();
    }

    private static boolean containsKeyword(RuleDefinition rule, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return rule.keywords().stream().anyMatch(lower::contains);
    }

    /** The detector opens a multiline window at the keyword's line, so the match must start on such a line. */
    private static boolean keywordOnFirstLine(RuleDefinition rule, String text, int matchStart) {
        int lineStart = text.lastIndexOf('\n', matchStart - 1) + 1;
        int lineEnd = text.indexOf('\n', matchStart);
        return containsKeyword(rule, text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
    }

    private static double shannonEntropy(String value) {
        Map<Integer, Integer> counts = new TreeMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = value.codePointCount(0, value.length());
        double entropy = 0;
        for (int count : counts.values()) {
            double p = count / length;
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 90) + "...";
    }

    /** Lets the hang guard stop a runaway match: java.util.regex never checks for interruption by itself. */
    private record InterruptibleCharSequence(CharSequence delegate) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("regex match interrupted by the hang guard");
            }
            return delegate.charAt(index);
        }

        @Override
        public int length() {
            return delegate.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new InterruptibleCharSequence(delegate.subSequence(start, end));
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
