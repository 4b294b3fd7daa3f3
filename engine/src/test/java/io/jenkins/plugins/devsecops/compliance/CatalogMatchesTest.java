package io.jenkins.plugins.devsecops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.IacRuleCatalog;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.secrets.BuiltInSecretRules;
import io.jenkins.plugins.devsecops.secrets.SecretRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The remembered answers ({@link CatalogMatches}) and the one-pass view built on them give exactly what asking the
 * catalogue about every finding and framework gives, for findings of every built-in IaC and secret rule, dependency
 * advisories, imported findings of each kind, and findings without or with malformed CWE ids.
 */
class CatalogMatchesTest {

    private final ComplianceCatalog catalog = ComplianceCatalog.builtIn();

    @Test
    void shouldAnswerLikeTheCatalogForEveryKindOfFinding() {
        CatalogMatches matching = new CatalogMatches(catalog);
        List<Finding> findings = findings();
        for (Finding finding : findings) {
            assertThat(matching.all(finding)).as(finding.ruleId()).isEqualTo(catalog.matches(finding));
        }
        // asked again: the remembered answers are still the catalogue's
        for (Finding finding : findings) {
            assertThat(matching.all(finding)).as(finding.ruleId()).isEqualTo(catalog.matches(finding));
        }
    }

    @Test
    void shouldTellApartFindingsThatDifferOnlyInWhatMatchingReads() {
        CatalogMatches matching = new CatalogMatches(catalog);
        Finding plain = base("imports", "pkg-vuln").build();
        Finding advisory = base("imports", "pkg-vuln").identifier("CVE-2021-44228").build();
        Finding imported = base("imports", "pkg-vuln").cwe("CWE-1395").property("kind", "dependency").build();
        Finding secret = base("imports", "pkg-vuln").cwe("CWE-1395").property("kind", "secret").build();
        for (Finding finding : List.of(plain, advisory, imported, secret, plain, advisory, imported, secret)) {
            assertThat(matching.all(finding)).isEqualTo(catalog.matches(finding));
        }
        assertThat(matching.all(plain)).isEmpty();
        assertThat(matching.all(advisory)).extracting(ComplianceMatch::basis).contains("advisory CVE-2021-44228");
        assertThat(matching.all(secret)).isNotEqualTo(matching.all(imported));
    }

    @Test
    void shouldBuildTheSameViewInOnePassAsOnePassPerFramework() {
        List<Finding> findings = findings();
        // spilled, as a large scan's findings are: the view reads them back from disk
        List<Finding> spilled = FindingList.builder(0).addAll(findings).build();
        assertThat(FindingList.isSpilled(spilled)).isTrue();

        ComplianceView view = ComplianceView.of(spilled, catalog);

        assertThat(view.openFindings()).isEqualTo(findings.size());
        assertThat(view.withoutCwe()).isEqualTo((int) findings.stream().filter(f -> !ComplianceCatalog.hasCwe(f))
                .count()).isPositive();
        assertThat(view.frameworks()).hasSize(catalog.frameworks().size());
        for (int f = 0; f < catalog.frameworks().size(); f++) {
            ComplianceFramework framework = catalog.frameworks().get(f);
            FrameworkView shown = view.frameworks().get(f);
            assertThat(shown.id()).isEqualTo(framework.id());
            List<List<ComplianceFindingRow>> expected = new ArrayList<>();
            framework.items().forEach(item -> expected.add(new ArrayList<>()));
            List<ComplianceFindingRow> unmapped = new ArrayList<>();
            for (Finding finding : findings) {
                List<ComplianceMatch> matches = catalog.matches(framework, finding);
                if (matches.isEmpty()) {
                    List<String> cwes = finding.cwes().stream().map(ComplianceCatalog::normalCwe)
                            .filter(java.util.Objects::nonNull).toList();
                    unmapped.add(ComplianceFindingRow.of(finding, cwes.isEmpty() ? "no CWE"
                            : String.join(", ", cwes) + " not in this framework"));
                }
                for (ComplianceMatch match : matches) {
                    expected.get(framework.itemIds().indexOf(match.item()))
                            .add(ComplianceFindingRow.of(finding, match.basis()));
                }
            }
            for (int i = 0; i < framework.items().size(); i++) {
                assertThat(shown.requirements().get(i).findings()).as(framework.id() + " " + framework.items()
                        .get(i).id()).containsExactlyElementsOf(bySeverity(expected.get(i)));
            }
            assertThat(shown.unmapped()).as(framework.id()).containsExactlyElementsOf(bySeverity(unmapped));
        }
        assertThat(view.frameworks().stream().flatMap(v -> v.requirements().stream())
                .mapToInt(r -> r.findings().size()).sum()).isGreaterThan(findings.size());
    }

    @Test
    void shouldLeaveSuppressedFindingsOutOfTheViewOfAReportWithoutCopyingTheRest() {
        List<Finding> findings = new ArrayList<>();
        int n = 0;
        for (Finding finding : findings()) {
            findings.add(n++ % 3 == 0 ? finding.toBuilder().suppression(new io.jenkins.plugins.devsecops.model
                    .Suppression("rule", "accepted", "ops", null, "s.yaml:1")).build() : finding);
        }
        io.jenkins.plugins.devsecops.model.Report report = io.jenkins.plugins.devsecops.model.Report.builder(
                new io.jenkins.plugins.devsecops.model.ToolInfo("devsecops", "1"), java.time.Instant.EPOCH)
                .findings(FindingList.builder(0).addAll(findings).build()).build();

        ComplianceView view = ComplianceView.of(report);

        assertThat(view).isEqualTo(ComplianceView.of(report.activeFindings(), catalog));
        assertThat(view.openFindings()).isEqualTo(findings.size() - (findings.size() + 2) / 3);
        for (FrameworkView framework : view.frameworks()) {
            for (RequirementView requirement : framework.requirements()) {
                // counted from the rows as built, the same as from the findings read back
                assertThat(requirement.severities()).isEqualTo(new RequirementView(requirement.id(),
                        requirement.title(), requirement.source(), requirement.basis(),
                        new ArrayList<>(requirement.findings())).severities());
            }
        }
    }

    private static List<ComplianceFindingRow> bySeverity(List<ComplianceFindingRow> rows) {
        List<ComplianceFindingRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(ComplianceFindingRow::severity)); // stable: added order among equals
        return sorted;
    }

    /** Findings of every kind the catalogue tells apart, several of each rule, in a shuffled order. */
    private static List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        Severity[] severities = Severity.values();
        int n = 0;
        for (IacRule rule : IacRuleCatalog.builtIn()) {
            for (int copy = 0; copy < 2; copy++) {
                findings.add(base("iac", rule.id()).severity(severities[n++ % severities.length]).cwe(rule.cwe())
                        .location(Location.ofLine("infra/" + copy + "/main.tf", n)).fingerprint("f" + n).build());
            }
        }
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            findings.add(base("secrets", rule.id()).severity(severities[n++ % severities.length]).cwe(SecretRule.CWE)
                    .location(Location.ofLine("config/app.env", n)).fingerprint("f" + n).build());
        }
        for (String cwe : List.of("CWE-79", "cwe-089", "CWE 22", "CWE-0", "not-a-cwe", "CWE-1395", "CWE-502")) {
            findings.add(base("sast", "java-rule-" + cwe).cwe(cwe).severity(severities[n++ % severities.length])
                    .location(Location.ofLine("src/Main.java", n)).fingerprint("f" + n).build());
        }
        for (String id : List.of("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q", "PYSEC-2021-19", "OSV-X")) {
            findings.add(base("dependencies", id).identifier(id).severity(Severity.CRITICAL)
                    .fingerprint("f" + n++).build());
            findings.add(base("dependencies", id).identifier(id).cwe("CWE-502").severity(Severity.HIGH)
                    .fingerprint("f" + n++).build());
        }
        for (String kind : List.of("dependency", "secret", "config", "sast", "")) {
            findings.add(base("imports", "imported-" + kind).property("kind", kind).cwe("CWE-798")
                    .fingerprint("f" + n++).build());
            findings.add(base("imports", "imported-" + kind).property("kind", kind.toUpperCase())
                    .fingerprint("f" + n++).build());
        }
        findings.add(base("iac", "no-cwe").fingerprint("f" + n++).build());
        Collections.shuffle(findings, new Random(42));
        return findings;
    }

    private static Finding.Builder base(String stage, String rule) {
        return Finding.builder().ruleId(rule).stage(stage).severity(Severity.MEDIUM).title("title of " + rule);
    }
}
