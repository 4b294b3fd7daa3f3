package io.jenkins.plugins.devsecops.secrets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules shipped with the engine: every rule of {@code rules.yaml} next to this class, plus the generic assignment
 * rule defined in code. Loaded, validated and compiled once per class loader. A broken built-in rule is a build
 * failure (the tests load them), never something a user has to work around.
 */
public final class BuiltInSecretRules {

    /** The resource holding the provider rules. */
    public static final String RESOURCE = "rules.yaml";

    private BuiltInSecretRules() {
    }

    private static final class Holder {
        static final List<SecretRule> RULES = load();
        static final SecretDetector DETECTOR = new SecretDetector(RULES);
    }

    /**
     * Every built-in rule.
     *
     * @throws IllegalStateException naming each problem when a built-in rule is invalid
     */
    public static List<SecretRule> rules() {
        return Holder.RULES;
    }

    /** A detector with every built-in rule. */
    public static SecretDetector detector() {
        return Holder.DETECTOR;
    }

    /**
     * Reads {@code rules.yaml} in its plain layout without the YAML library ({@link RuleFileLayout}, a third of a small
     * scan's start-up CPU saved), or with the strict YAML reader when the file has left that layout.
     */
    private static List<SecretRule> load() {
        try (InputStream in = BuiltInSecretRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in secret rules " + RESOURCE + " are missing from the class path");
            }
            byte[] content = in.readNBytes(SecretRuleLoader.MAX_FILE_BYTES + 1);
            Optional<SecretRuleFile> plain = content.length > SecretRuleLoader.MAX_FILE_BYTES ? Optional.empty()
                    : RuleFileLayout.read(new String(content, StandardCharsets.UTF_8));
            if (plain.isPresent()) {
                return withCodeRules(ids -> SecretRuleLoader.load(plain.get(), RESOURCE, SecretRuleLoader.Kind.BUILT_IN, ids));
            }
            return fromYaml(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the built-in secret rules: " + e.getMessage(), e);
        }
    }

    /** The rule with the value check written in code for it ({@link CredentialChecks}), if it has one. */
    private static SecretRule withCodeCheck(SecretRule rule) {
        CandidateCheck check = rule.id().equals("connection-string-password") ? CredentialChecks.CONNECTION_STRING
                : CredentialChecks.BY_RULE.get(rule.id());
        if (check == null) {
            return rule;
        }
        return new SecretRule(rule.id(), rule.title(), rule.provider(), rule.severity(), rule.confidence(),
                rule.keywords(), rule.pattern(), rule.multiline(), rule.anchored(), rule.minEntropy(), rule.files(),
                rule.scope(), check, rule.remediation(), rule.references(), rule.examples(), rule.counterExamples(),
                rule.origin());
    }

    /**
     * Built-in rules from a {@code rules.yaml} content, with the generic rule added: used by the docs generator and
     * the tests to check any rule file.
     *
     * @throws IllegalStateException naming each problem when a rule is invalid
     */
    public static List<SecretRule> fromYaml(InputStream in) {
        return withCodeRules(ids -> SecretRuleLoader.load(in, RESOURCE, SecretRuleLoader.Kind.BUILT_IN, ids));
    }

    /** The rules {@code loader} loads (given the ids of the rules written in code), with the rules written in code. */
    private static List<SecretRule> withCodeRules(Function<Set<String>, LoadedRules> loader) {
        Set<String> ids = new HashSet<>();
        SecretRule generic = GenericAssignmentRule.rule();
        SecretRule pem = PemPrivateKeyRule.rule();
        ids.add(generic.id());
        ids.add(pem.id());
        SecretRule pgpass = PgpassRule.rule();
        ids.add(pgpass.id());
        SecretRule calls = CallArgumentRule.rule();
        ids.add(calls.id());
        SecretRule railsKey = RailsMasterKeyRule.rule();
        ids.add(railsKey.id());
        SecretRule kubernetes = KubernetesSecretRule.rule();
        ids.add(kubernetes.id());
        LoadedRules loaded = loader.apply(ids);
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException("Invalid built-in secret rules:\n" + loaded.problems().stream()
                    .map(RuleProblem::describe).collect(Collectors.joining("\n")));
        }
        List<SecretRule> rules = new ArrayList<>();
        for (SecretRule rule : loaded.rules()) {
            rules.add(withCodeCheck(rule));
        }
        rules.add(pem);
        rules.add(pgpass);
        rules.add(calls);
        rules.add(railsKey);
        rules.add(kubernetes);
        rules.add(generic);
        return List.copyOf(rules);
    }
}
