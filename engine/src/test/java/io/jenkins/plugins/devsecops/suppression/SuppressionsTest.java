package io.jenkins.plugins.devsecops.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.SuppressionRules;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static final String FILE = """
            version: 1
            suppressions:
              - fingerprint: "aaaa1111"
                reason: Test fixture key, not a real credential
                owner: alice
                expires: 2026-12-31
              - rule: open-sg
                path: "infra/legacy/**"
                reason: Legacy VPC, replaced in Q3
                owner: ops
                created: 2026-05-01
                expires: 2026-07-01
              - advisory: CVE-2021-44228
                reason: Not reachable, JNDI lookups disabled
                expires: 2026-05-01
              - rule: never-matches
                reason: leftover
            """;

    private static Finding code(String rule, String path, String fingerprint) {
        return Finding.builder().ruleId(rule).stage("iac").severity(Severity.HIGH).title(rule)
                .location(Location.ofLine(path, 4)).fingerprint(fingerprint).build();
    }

    private static Report report(Finding... findings) {
        return Report.builder(new ToolInfo("devsecops", "t"), Instant.parse("2026-06-01T10:00:00Z"))
                .findings(List.of(findings)).build();
    }

    @Test
    void shouldMarkMatchesReactivateExpiredAndReportUnused() throws Exception {
        // Given the file above and a report with a finding for each kind of entry
        List<SuppressionEntry> entries = SuppressionFile.parse(FILE, ".devsecops/suppressions.yaml");
        Finding secret = code("aws-key", "test/fixtures.env", "aaaa1111");
        Finding legacy = code("open-sg", "infra/legacy/vpc/main.tf", "bbbb");
        Finding current = code("open-sg", "infra/prod/main.tf", "cccc");
        Finding log4j = Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies")
                .severity(Severity.CRITICAL).title("Log4Shell").identifier("CVE-2021-44228").fingerprint("dddd")
                .component(Component.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "log4j-core",
                        "2.14.1", "Maven")).build();

        // When applied on 2026-06-01
        SuppressionOutcome outcome = SuppressionApplier.apply(report(secret, legacy, current, log4j), entries, TODAY,
                SuppressionRules.inherit());

        // Then matches are marked, nothing is dropped, the expired advisory entry is stale and its finding active
        List<Finding> findings = outcome.report().findings();
        assertThat(findings).hasSize(4);
        assertThat(findings.get(0).suppression().kind()).isEqualTo("fingerprint");
        assertThat(findings.get(0).suppression().source()).isEqualTo(".devsecops/suppressions.yaml:3");
        assertThat(findings.get(0).suppression().owner()).isEqualTo("alice");
        assertThat(findings.get(1).suppression().kind()).isEqualTo("rule-path");
        assertThat(findings.get(2).isSuppressed()).isFalse();
        assertThat(findings.get(3).isSuppressed()).isFalse();
        assertThat(outcome.stale()).extracting(SuppressionEntry::advisory).containsExactly("CVE-2021-44228");
        assertThat(outcome.unused()).extracting(SuppressionEntry::rule).containsExactly("never-matches");
        assertThat(outcome.warnings()).anySatisfy(w -> assertThat(w).contains("expired on 2026-05-01")
                .contains("suppressions.yaml:13"));
    }

    @Test
    void shouldApplyAnAdvisorySuppressionWhileInForce() throws Exception {
        // Given the same file a month earlier
        List<SuppressionEntry> entries = SuppressionFile.parse(FILE, "s.yaml");
        Finding log4j = Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies")
                .severity(Severity.CRITICAL).title("Log4Shell").identifier("CVE-2021-44228").fingerprint("dddd").build();

        // When applied on 2026-04-01 / Then the advisory entry suppresses the finding by its alias
        SuppressionOutcome outcome = SuppressionApplier.apply(report(log4j), entries, LocalDate.of(2026, 4, 1),
                SuppressionRules.inherit());
        assertThat(outcome.report().findings().get(0).suppression().kind()).isEqualTo("advisory");
    }

    @Test
    void shouldRefuseEntriesThePolicyDoesNotHonour() throws Exception {
        // Given entries without reason, without expiry, and too long-lived under a 30-day maximum age
        List<SuppressionEntry> entries = SuppressionFile.parse("""
                suppressions:
                  - fingerprint: "f1"
                  - fingerprint: "f2"
                    reason: ok
                  - fingerprint: "f3"
                    reason: ok
                    created: 2026-05-20
                    expires: 2026-12-31
                  - fingerprint: "f4"
                    reason: ok
                    created: 2026-05-20
                    expires: 2026-06-10
                """, "s.yaml");

        // When applied
        SuppressionOutcome outcome = SuppressionApplier.apply(report(code("r", "a", "f1"), code("r", "b", "f2"),
                code("r", "c", "f3"), code("r", "d", "f4")), entries, TODAY, new SuppressionRules(true, 30));

        // Then only the conforming entry applies; each refusal says why
        assertThat(outcome.report().findings()).extracting(Finding::isSuppressed)
                .containsExactly(false, false, false, true);
        assertThat(outcome.refused()).hasSize(3);
        assertThat(outcome.refused().get(0)).contains("requires a reason").contains("s.yaml:2");
        assertThat(outcome.refused().get(1)).contains("no expiry date");
        assertThat(outcome.refused().get(2)).contains("more than the 30 days");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("two kinds in one entry", "suppressions:\n  - fingerprint: a\n    rule: b\n    reason: r\n",
                        "exactly one of fingerprint, rule or advisory"),
                Arguments.of("no kind", "suppressions:\n  - reason: r\n", "exactly one of"),
                Arguments.of("bad date", "suppressions:\n  - rule: a\n    reason: r\n    expires: next-year\n", "expires"),
                Arguments.of("unknown field", "suppressions:\n  - rule: a\n    reson: r\n", "unknown field 'reson'"),
                Arguments.of("expires before created",
                        "suppressions:\n  - rule: a\n    created: 2026-02-01\n    expires: 2026-01-01\n", "cannot expire"),
                Arguments.of("alias", "suppressions:\n  - rule: &r a\n    reason: *r\n", "aliases"),
                Arguments.of("glob too long", "suppressions:\n  - rule: a\n    path: \"" + "*".repeat(2000) + "\"\n",
                        "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void shouldRejectInvalidFilesWithLocation(String name, String yaml, String problem) {
        assertThatThrownBy(() -> SuppressionFile.parse(yaml, "s.yaml"))
                .isInstanceOfSatisfying(YamlInputException.class, e -> {
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void shouldLetTheFirstMatchingEntryWinAndCopeWithALargeBaseline() {
        // Given 20,000 fingerprint entries, then a rule entry, then a fingerprint entry for the same finding
        List<SuppressionEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            entries.add(new SuppressionEntry("fp-" + i, null, null, null, "baseline", null, null, null, null, "b:" + i));
        }
        entries.add(new SuppressionEntry(null, "open-sg", null, "infra/**", "rule first", null, null, null, null, "r"));
        entries.add(new SuppressionEntry("late", null, null, null, "fingerprint later", null, null, null, null, "l"));
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i += 2) {
            findings.add(code("r", "src/f" + i + ".java", "fp-" + i));
        }
        findings.add(code("open-sg", "infra/main.tf", "late"));

        // When applied
        SuppressionOutcome outcome = SuppressionApplier.apply(report(findings.toArray(Finding[]::new)), entries,
                TODAY, SuppressionRules.inherit());

        // Then every baselined finding is suppressed by its entry, the rule entry wins over the later one
        List<Finding> result = outcome.report().findings();
        assertThat(result).allMatch(Finding::isSuppressed);
        assertThat(result.get(result.size() - 1).suppression().reason()).isEqualTo("rule first");
        assertThat(outcome.unused()).hasSize(10_000 + 1);
    }

    @Test
    void shouldRefuseAHugeFileAndADeeplyNestedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // Given a suppressions file over the 1 MiB cap and one nested 50,000 levels deep
        java.nio.file.Path huge = dir.resolve("huge.yaml");
        StringBuilder entries = new StringBuilder("suppressions:\n");
        while (entries.length() < 1_200_000) {
            entries.append("  - rule: r\n    reason: \"padding padding padding padding\"\n");
        }
        java.nio.file.Files.writeString(huge, entries);
        String deep = "suppressions:\n  - rule: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";

        // When read / Then each is refused with a clear error, no stack overflow
        assertThatThrownBy(() -> SuppressionFile.read(huge, "huge.yaml")).isInstanceOf(YamlInputException.class)
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> SuppressionFile.parse(deep, "deep.yaml")).isInstanceOf(YamlInputException.class);
    }

    @Test
    void shouldMatchPathGlobs() {
        assertThat(PathGlob.of("infra/**").matches("infra/a/b/main.tf")).isTrue();
        assertThat(PathGlob.of("**/*.tf").matches("main.tf")).isTrue();
        assertThat(PathGlob.of("**/*.tf").matches("a/b/main.tf")).isTrue();
        assertThat(PathGlob.of("*.tf").matches("a/main.tf")).isFalse();
        assertThat(PathGlob.of("src/?.java").matches("src/A.java")).isTrue();
        assertThat(PathGlob.of("a+b(c).txt").matches("a+b(c).txt")).isTrue();
        assertThat(PathGlob.of("/infra/*.tf").matches("infra/x.tf")).isTrue();
    }

    @Test
    void shouldWriteABaselineThatReadsBackAndCannotBeInjected() throws Exception {
        // Given a report whose finding path holds a newline and YAML (hostile file name) and a suppressed finding
        Finding hostile = code("open-sg", "infra/x\"\n  - rule: everything\n    reason: pwned.tf", "ffff");
        Finding already = code("r", "b", "eeee").toBuilder()
                .suppression(new io.jenkins.plugins.devsecops.model.Suppression("inline", "ok", null, null, "b:4"))
                .build();
        List<SuppressionEntry> existing = List.of(new SuppressionEntry("aaaa", null, null, null, "kept", null, null,
                null, null, null));

        // When the baseline is extended and written, then read back
        List<SuppressionEntry> baseline = SuppressionBaseline.extend(existing, report(hostile, already),
                "Accepted at adoption", "team-a", TODAY, TODAY.plusDays(90));
        StringWriter out = new StringWriter();
        SuppressionFile.write(baseline, out);
        List<SuppressionEntry> read = SuppressionFile.parse(out.toString(), "s.yaml");

        // Then it holds the existing entry and one for the active finding, with its note intact, and nothing else
        assertThat(read).hasSize(2);
        assertThat(read.get(1).fingerprint()).isEqualTo("ffff");
        assertThat(read.get(1).note()).contains("open-sg at infra/x\"\n  - rule: everything");
        assertThat(read.get(1).expires()).isEqualTo(TODAY.plusDays(90));
        assertThat(read).noneMatch(e -> "everything".equals(e.rule()));
        assertThatThrownBy(() -> SuppressionBaseline.extend(List.of(), report(hostile), " ", null, TODAY, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
