package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.compliance.ComplianceCsv;
import io.jenkins.plugins.devsecops.compliance.ComplianceView;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.dashboard.DashboardSections;
import io.jenkins.plugins.devsecops.dependencies.sbom.CycloneDxReportWriter;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report written with the others from one shared {@link FindingPass} (as the CLI writes them) is byte for byte
 * the report written alone, and the report of the old path: the log the SARIF object model builds, the report the
 * mapper serialises, the CSV written row by row, the SBOM the CycloneDX generator gives as a string, the page whose
 * sections read the findings themselves. The findings are those of a real scan by the built-in stages (every IaC
 * rule's failing example, twice), spilled to disk, with hostile and dependency findings added, assessed (history
 * status on every finding).
 */
class SharedReportPassTest {

    @TempDir
    Path tree;

    @Test
    void shouldWriteEveryReportFromOneSharedPassAsTheOldPathsDo() throws Exception {
        DashboardData data = scannedAndAssessed();
        Report report = data.report();
        assertThat(report.findings()).hasSizeGreaterThan(1_000);
        assertThat(FindingList.isSpilled(report.findings())).isTrue();
        assertThat(report.findings()).allMatch(f -> f.properties().containsKey(FindingHistory.STATUS));

        List<ReportWriter> writers = List.of(new JsonReportWriter(), new SarifReportWriter(),
                new HtmlReportWriter(DashboardSections.of(data, DashboardPage.FILE_NAME)), new CycloneDxReportWriter(),
                new io.jenkins.plugins.devsecops.report.ComplianceCsvReportWriter());
        FindingPass pass = new FindingPass(report.findings());
        Map<String, ReportWriter.Prepared> prepared = new LinkedHashMap<>();
        for (ReportWriter writer : writers) {
            prepared.put(writer.format(), writer.prepare(report, pass));
        }
        DashboardPage.Prepared dashboard = new DashboardPage().prepare(data, "index.html", pass);
        pass.run();
        Map<String, byte[]> shared = new LinkedHashMap<>();
        for (Map.Entry<String, ReportWriter.Prepared> entry : prepared.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            entry.getValue().write(out);
            shared.put(entry.getKey(), out.toByteArray());
        }

        // each written alone
        for (ReportWriter writer : writers) {
            ByteArrayOutputStream alone = new ByteArrayOutputStream();
            writer.write(report, alone);
            assertThat(shared.get(writer.format())).as(writer.format()).isEqualTo(alone.toByteArray());
        }
        assertThat(dashboard.render()).isEqualTo(new DashboardPage().render(data, "index.html"));
        // streamed, the charts library copied as its bytes: the same page
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        dashboard.write(page);
        assertThat(page.toByteArray()).isEqualTo(new DashboardPage().render(data, "index.html")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(new String(page.toByteArray(), StandardCharsets.UTF_8)).contains("echarts.init")
                .contains("t.version=\"5.5.0\"");
        assertThat(new String(shared.get("html"), StandardCharsets.UTF_8)).contains("echarts.init")
                .contains("t.version=\"5.5.0\"");

        // the old paths
        assertThat(shared.get("json")).isEqualTo(new ReportJson().mapper().writeValueAsBytes(report));
        assertThat(shared.get("sarif")).isEqualTo(SarifReportWriter.mapper().writer()
                .writeValueAsBytes(new SarifReportWriter().toSarif(report)));
        assertThat(shared.get("html")).isEqualTo(new HtmlReportWriter(DashboardSections.of(data,
                DashboardPage.FILE_NAME)).render(report).getBytes(StandardCharsets.UTF_8));
        assertThat(shared.get("cyclonedx")).isEqualTo(BomGeneratorFactory.createJson(Version.VERSION_16,
                CycloneDxReportWriter.toBom(report)).toJsonString().getBytes(StandardCharsets.UTF_8));
        assertThat(shared.get("compliance-csv")).isEqualTo(rowByRow(ComplianceView.of(report)));
        // what the page shows of the compliance view and the KPIs is there, not an error note
        String html = new String(shared.get("html"), StandardCharsets.UTF_8);
        assertThat(html).contains("open findings, ").doesNotContain("could not be rendered");
        assertThat(new String(shared.get("cyclonedx"), StandardCharsets.UTF_8)).contains("\"vulnerabilities\"")
                .contains("pkg:maven/org.example/lib-7@1.7");
    }

    @Test
    void shouldFailOnlyTheWriterWhoseReaderFailed() throws Exception {
        Report report = ReportFixtures.complete();
        FindingPass pass = new FindingPass(report.findings());
        FindingPass.Reader failing = pass.add((index, finding) -> {
            if (index == 2) {
                throw new IllegalStateException("reader broke at finding 2");
            }
        });
        ReportWriter.Prepared sarif = new SarifReportWriter().prepare(report, pass);
        pass.run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sarif.write(out);
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, alone);
        assertThat(out.toByteArray()).isEqualTo(alone.toByteArray());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pass.check(failing))
                .hasMessage("reader broke at finding 2");
    }

    private static byte[] rowByRow(ComplianceView view) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        ComplianceCsv.write(view, (Appendable) writer);
        writer.flush();
        return bytes.toByteArray();
    }

    /** A real scan of every IaC rule's failing example (twice), with more findings added, assessed. */
    private DashboardData scannedAndAssessed() throws Exception {
        Path rules = Path.of(getClass().getResource("/iac/rules").toURI());
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("bad")).toList()) {
                for (String copy : List.of("a", "b")) {
                    Path target = tree.resolve(copy).resolve(rules.relativize(file));
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Files.newInputStream(file)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        Files.writeString(tree.resolve("a/.env"), "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLF\n"
                + "password=\"hunter2-but-much-longer\"\n", StandardCharsets.UTF_8);
        Report scanned = ScanEngine.withBuiltInStages().scan(ScanRequest.builder(tree).stages(List.of("iac", "secrets"))
                .threads(1).build(), ProgressListener.NONE);
        List<Finding> findings = new ArrayList<>(scanned.findings());
        findings.addAll(ReportFixtures.complete().findings());
        findings.addAll(ReportFixtures.hostile().findings());
        for (int i = 0; i < 40; i++) {
            Finding.Builder dependency = Finding.builder().ruleId(i % 3 == 0 ? "CVE-2024-" + i : "GHSA-x-" + (i % 7))
                    .stage("dependencies").severity(Severity.values()[i % Severity.values().length])
                    .title("Vulnerable lib-" + i).message(i % 4 == 0 ? null : "lib-" + i + " é \u4e2d")
                    .component(new Component("pkg:maven/org.example/lib-" + i + "@1." + i, "org.example:lib-" + i,
                            "1." + i, "Maven", i % 2 == 0, List.of("app", "lib-" + i), Map.of("SHA-256",
                            "0123456789abcdef0123456789abcdef" + i), List.of("pkg:maven/org.example/lib-" + (i + 1)
                            + "@1." + (i + 1)), i % 5 == 0 ? "test" : "compile", "pom.xml", Map.of()))
                    .identifier("CVE-2024-" + i).identifier("GHSA-x-" + i).cwe("CWE-" + (79 + i % 3))
                    .fingerprint("dep-" + i).property("manifest", "pom.xml");
            if (i % 6 == 1) {
                dependency.cvss(new Cvss(i % 12 == 1 ? "3.1" : "4.0", 7.5, "CVSS:3.1/AV:N"));
            }
            if (i % 9 == 4) {
                dependency.suppression(new Suppression("advisory", "not reachable", "team", LocalDate.of(2027, 1, 1),
                        "s.yaml:" + i));
            }
            findings.add(dependency.build());
        }
        Report report = scanned.toBuilder().findings(FindingList.copyOf(findings)).build();
        Assessment assessment = Assessor.assess(report, PolicyLayering.merge(List.of(PolicyLayer.defaults())),
                List.of(), null, new BuildRef("7", report.startedAt()));
        return new DashboardData(assessment.report(), assessment.evaluation(), assessment.comparison().fixed(),
                List.of(assessment.summary()), assessment.evaluation().warnings());
    }
}
