package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in rule has a bad fixture it fires on, exactly at the lines that follow an {@code # expect} marker,
 * and a good fixture it stays silent on. Fixtures live in {@code src/test/resources/iac/rules/<rule-id>/}.
 */
class IacRuleFixturesTest {

    private static final Map<IacPlatform, String> EXTENSIONS = Map.of(IacPlatform.TERRAFORM, "tf",
            IacPlatform.KUBERNETES, "yaml", IacPlatform.CLOUDFORMATION, "yaml", IacPlatform.DOCKERFILE, "Dockerfile");

    static Stream<IacRule> rules() {
        return IacRuleCatalog.builtIn().stream();
    }

    private static String fixture(IacRule rule, String kind) throws IOException {
        String name = "/iac/rules/" + rule.id() + "/" + kind + "." + EXTENSIONS.get(rule.platform());
        try (InputStream in = IacRuleFixturesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fileName(IacRule rule, String kind) {
        return "fixtures/" + rule.id() + "/" + kind + "." + EXTENSIONS.get(rule.platform());
    }

    @Test
    void shouldShipAtLeast300RulesWithCompleteDocumentation() {
        List<IacRule> rules = IacRuleCatalog.builtIn();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.cwe()).matches("CWE-\\d+");
            assertThat(rule.remediation()).isNotBlank();
            assertThat(rule.appliesTo()).isNotBlank();
        });
        assertThat(rules.stream().map(IacRule::platform).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(IacPlatform.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldFireOnTheBadFixtureAtTheMarkedLines(IacRule rule) throws Exception {
        String bad = fixture(rule, "bad");
        String[] lines = bad.split("\n", -1);
        Set<Integer> expected = IntStream.range(0, lines.length)
                .filter(i -> lines[i].strip().equals("# expect")).map(i -> i + 2).boxed()
                .collect(Collectors.toCollection(TreeSet::new));

        CollectingSink sink = CollectingSink.scan(fileName(rule, "bad"), bad);

        assertThat(sink.errors).isEmpty();
        List<Finding> findings = sink.of(rule.id());
        assertThat(expected).as("the bad fixture marks at least one line").isNotEmpty();
        Set<Integer> actual = findings.stream().map(f -> f.location().startLine())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual)
                .as("lines of %s findings: %s", rule.id(), findings.stream().map(Finding::message).toList())
                .isEqualTo(expected);
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.stage()).isEqualTo("iac");
            assertThat(finding.severity()).isEqualTo(rule.severity());
            assertThat(finding.cwes()).containsExactly(rule.cwe());
            assertThat(finding.properties()).containsKey("resource");
            assertThat(finding.suppression()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldStaySilentOnTheGoodFixture(IacRule rule) throws Exception {
        String good = fixture(rule, "good");

        CollectingSink sink = CollectingSink.scan(fileName(rule, "good"), good);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.of(rule.id())).as("findings of %s on the good fixture", rule.id()).isEmpty();
    }

    @Test
    void shouldHaveNoFixtureWithoutARule() throws Exception {
        Set<String> ids = IacRuleCatalog.builtIn().stream().map(IacRule::id).collect(Collectors.toSet());
        try (InputStream in = IacRuleFixturesTest.class.getResourceAsStream("/iac/rules")) {
            assertThat(in).isNotNull();
            String listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Arrays.stream(listing.split("\n")).filter(s -> !s.isBlank()).toList())
                    .allSatisfy(dir -> assertThat(ids).contains(dir));
        }
    }
}
