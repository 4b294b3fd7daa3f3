package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.contrastsecurity.sarif.Result;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streamed SARIF results are byte for byte the object model's results serialised by the mapper, and the whole log
 * written from a spilled list is the log {@code toSarif} builds, serialised.
 */
class SarifResultJsonTest {

    private static final String[] TEXTS = {"plain", "é ü \u4e2d\u6587 \ud83d\udd11", "lone \ud800 high", "quote \" \\ /",
        "</script>\u2028\u2029", "tab\tnl\ncr\r\u0000", "", " ", "x".repeat(12_000)};
    private static final String[] CWES = {"CWE-798", "CWE-89", "CWE-79", "CWE-22", "CWE-311", "CWE-1104", "CWE-0"};
    private static final String[] STAGES = {"secrets", "sast", "iac", "dependencies", "imports"};

    /** Findings with every field set in turn: traces, components, CVSS, suppressions, absolute paths, other tools. */
    static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = TEXTS[i % TEXTS.length];
            Finding.Builder finding = Finding.builder().ruleId("rule-" + (i % 41))
                    .stage(STAGES[i % STAGES.length]).severity(Severity.values()[i % Severity.values().length])
                    .title("Title " + text).message(i % 5 == 0 ? " " : "message " + text + i)
                    .confidence(Confidence.values()[i % Confidence.values().length])
                    .cwe(CWES[i % CWES.length]).identifier("ID-" + i).identifier("GHSA-" + (i % 7))
                    .remediation("fix " + text).fixedVersion(i % 3 == 0 ? "2." + i : null)
                    .tool(new ToolInfo("DevSecOps Scan", "0.1.0"))
                    .fingerprint(i % 19 == 0 ? null : "fp-" + i)
                    .property("resource", text + "/r" + (i % 50)).property("n", String.valueOf(i));
            if (i % 4 == 1) {
                finding.cwe(CWES[(i + 3) % CWES.length]);
            }
            if (i % 9 == 4) {
                finding.tool(new ToolInfo("Trivy", i % 2 == 0 ? null : "0.57"));
            }
            if (i % 6 == 2) {
                finding.component(new Component(i % 12 == 2 ? null : "pkg:maven/g/a@1." + i,
                        i % 24 == 2 ? null : "a" + text, "1." + i, "maven", i % 4 == 0 ? null : i % 8 == 2,
                        List.of("app", "a"), Map.of("SHA-256", "ab" + i), List.of(), "compile", "pom.xml", Map.of()))
                        .cvss(new Cvss(i % 4 == 0 ? null : "3.1", 7.5 + (i % 10) / 10.0, "CVSS:3.1/AV:N"));
                if (i % 18 == 2) {
                    finding.property("manifest", "modules/m" + i + "/pom.xml");
                }
            } else if (i % 6 == 5) {
                if (i % 12 == 5) {
                    finding.property("lockfile", "package-lock.json");
                }
            } else {
                String path = i % 13 == 0 ? "/abs/path " + i + "/F.java" : "src/" + text.strip() + "/F" + (i % 300) + ".java";
                finding.location(new Location(path, i % 7 == 0 ? 0 : 1 + i % 900, i % 3, 1 + i % 900 + i % 2, i % 5,
                        i % 4 == 0 ? null : "snippet " + text));
            }
            if (i % 8 == 3) {
                finding.trace(List.of(new TraceStep(new Location("A.java", 3, 1, 3, 20, "req.getParameter(\"q\")"),
                        "source: " + text), new TraceStep(new Location("t/" + text, 0, 0, 0, 0, null), ""),
                        new TraceStep(new Location("B.java", 9, 2, 9, 30, text), "sink")));
            }
            if (i % 10 == 7) {
                finding.suppression(new Suppression(i % 20 == 7 ? "inline" : "rule-path",
                        i % 30 == 7 ? null : "reason " + text, i % 40 == 7 ? null : "team",
                        i % 20 == 17 ? LocalDate.of(2027, 1, 1) : null, i % 50 == 7 ? null : "s.yaml:" + i));
            }
            findings.add(finding.build());
        }
        return findings;
    }

    @Test
    void shouldStreamEachResultAsTheObjectModelSerialisesIt() throws Exception {
        ObjectWriter writer = SarifReportWriter.mapper().writer();
        List<Finding> findings = findings(1_500);
        SarifTaxonomies taxonomies = new SarifTaxonomies(ComplianceCatalog.builtIn());
        findings.forEach(taxonomies::record);
        int withTaxa = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            int ruleIndex = i % 23 == 0 ? -1 : i % 40;
            Result result = SarifReportWriter.result(finding, ruleIndex);
            taxonomies.addTo(result, finding);
            withTaxa += result.getTaxa() == null || result.getTaxa().isEmpty() ? 0 : 1;
            StringWriter streamed = new StringWriter();
            try (JsonGenerator generator = writer.createGenerator(streamed)) {
                SarifResultJson.write(generator, finding, ruleIndex, taxonomies.taxa(finding));
            }
            assertThat(streamed.toString()).as("result %d", i).isEqualTo(writer.writeValueAsString(result));
        }
        assertThat(withTaxa).as("results with taxa beyond their rule's").isPositive();
    }

    @Test
    void shouldWriteFromASpilledListTheLogTheObjectModelGives() throws Exception {
        List<Finding> spilled = FindingList.builder(0).addAll(findings(1_300)).build();
        assertThat(FindingList.isSpilled(spilled)).isTrue();
        Report report = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.parse("2026-01-02T03:04:05Z"))
                .root("/work/tree").durationMillis(1234).property("build", "7").findings(spilled).build();
        SarifReportWriter sarif = new SarifReportWriter();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        sarif.write(report, written);
        byte[] expected = SarifReportWriter.mapper().writer().writeValueAsBytes(sarif.toSarif(report));
        assertThat(written.toByteArray()).isEqualTo(expected);
        assertThat(SarifSchemaValidator.validate(written.toString(StandardCharsets.UTF_8))).isEmpty();
    }

    /**
     * The log streamed through the object model's serialisation (each run's results written in place of its empty
     * array) for the other shapes of a log: no finding at all, findings of another tool first (a run per tool, with
     * its conversion), stage errors, warnings, failed and timed-out stages (invocation notifications, with and
     * without a path), a relative or no root, no properties.
     */
    @Test
    void shouldWriteEveryShapeOfLogAsTheObjectModelGives() throws Exception {
        ToolInfo ours = new ToolInfo("DevSecOps Scan", "0.1.0");
        List<Finding> imported = findings(60);
        List<Finding> others = new ArrayList<>();
        for (Finding finding : findings(30)) {
            others.add(Finding.builder().ruleId(finding.ruleId()).stage(finding.stage()).severity(finding.severity())
                    .title(finding.title()).location(finding.location()).tool(new ToolInfo("gitleaks", "8.1")).tool(ours)
                    .build());
        }
        io.jenkins.plugins.devsecops.model.StageResult failed = io.jenkins.plugins.devsecops.model.StageResult
                .builder("sast").status(io.jenkins.plugins.devsecops.model.StageStatus.FAILED)
                .error(new io.jenkins.plugins.devsecops.model.StageError("src/A.java", "cannot parse \u00fc \"x\""))
                .error(new io.jenkins.plugins.devsecops.model.StageError(null, "stage-wide"))
                .warning("slow").build();
        io.jenkins.plugins.devsecops.model.StageResult timedOut = io.jenkins.plugins.devsecops.model.StageResult
                .builder("iac").status(io.jenkins.plugins.devsecops.model.StageStatus.TIMED_OUT).build();
        List<Report> reports = List.of(
                Report.builder(ours, Instant.parse("2026-01-02T03:04:05.123456Z")).build(),
                Report.builder(ours, Instant.parse("2026-01-02T03:04:05Z")).root("relative/root").durationMillis(-5)
                        .stage(failed).stage(timedOut).findings(imported).build(),
                Report.builder(ours, Instant.parse("2026-01-02T03:04:05Z")).root("/abs/r")
                        .stage(io.jenkins.plugins.devsecops.model.StageResult.builder("secrets").warning("w").build())
                        .property("build", "3").findings(others).build(),
                Report.builder(ours, Instant.parse("2026-01-02T03:04:05Z")).root("/abs/r").stage(failed)
                        .findings(findings(25)).build());
        SarifReportWriter sarif = new SarifReportWriter();
        for (int i = 0; i < reports.size(); i++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            sarif.write(reports.get(i), written);
            String expected = new String(SarifReportWriter.mapper().writer().writeValueAsBytes(
                    sarif.toSarif(reports.get(i))), StandardCharsets.UTF_8);
            assertThat(written.toString(StandardCharsets.UTF_8)).as("log %d", i).isEqualTo(expected);
        }
        assertThat(written(sarif, reports.get(1))).contains("\"toolExecutionNotifications\"");
        assertThat(written(sarif, reports.get(2))).contains("\"conversion\"", "\"name\" : \"gitleaks\"");
        assertThat(written(sarif, reports.get(0))).contains("\"results\" : [ ]");
    }

    /**
     * Every field of the log's header written by hand as the object model gives it: our tool with a version, a blank
     * one or none (and so the conversion of other tools' runs with each), several other tools (names with quotes,
     * non-ASCII, line separators, control characters; blank and absent versions), roots absolute, relative, Windows,
     * hostile or absent, report properties none or several (sorted, hostile keys and values), stages failed, timed
     * out or fine with errors with an absolute, relative, blank or no path and hostile warnings, start times before
     * 1970, with nanoseconds and in 2100 with negative, zero and long durations, rules with every property
     * (remediation, identifiers with and without an advisory page, CWEs with taxonomies and relationships, Checkov
     * ids, blank messages) and runs with and without taxonomies.
     */
    @Test
    void shouldWriteEveryHeaderFieldAsTheObjectModelGives() throws Exception {
        String[] hostile = {"plain", "\u00e9 \u4e2d \ud83d\udd11", "q \" \\ /", "</x>\u2028\u2029", "c\t\n\r\u0000\u001f\u007f",
            "lone \ud800", ""};
        ToolInfo[] ourTools = {new ToolInfo("DevSecOps Scan", "0.1.0"), new ToolInfo("DevSecOps Scan", " "),
            new ToolInfo("DevSecOps Scan", null)};
        String[] roots = {null, "/abs/r\u00e9 x", "relative/root", "C:\\work\\t\u00fc", "/t/" + hostile[3] + hostile[4]};
        Instant[] starts = {Instant.parse("1969-07-20T20:17:40Z"), Instant.parse("2026-01-02T03:04:05.123456789Z"),
            Instant.parse("2100-12-31T23:59:59.999Z")};
        long[] durations = {-5, 0, 86_400_000L * 400};
        SarifReportWriter sarif = new SarifReportWriter();
        int logs = 0;
        int withTaxonomies = 0;
        for (int i = 0; i < 30; i++) {
            ToolInfo ours = ourTools[i % ourTools.length];
            Report.Builder report = Report.builder(ours, starts[i % starts.length])
                    .durationMillis(durations[(i / 3) % durations.length]);
            if (roots[i % roots.length] != null) {
                report.root(roots[i % roots.length]);
            }
            for (int p = 0; p < i % 4; p++) {
                report.property(hostile[(i + p) % hostile.length] + "k" + p, hostile[(i + 2 * p) % hostile.length]);
            }
            io.jenkins.plugins.devsecops.model.StageStatus[] statuses = io.jenkins.plugins.devsecops.model.StageStatus
                    .values();
            for (int st = 0; st < i % 4; st++) {
                io.jenkins.plugins.devsecops.model.StageResult.Builder stage = io.jenkins.plugins.devsecops.model
                        .StageResult.builder(STAGES[(i + st) % STAGES.length])
                        .status(statuses[(i + st) % statuses.length]);
                String[] paths = {null, "", "src/" + hostile[(i + st) % hostile.length] + ".java", "/abs/F.java"};
                for (int e = 0; e < (i + st) % 3; e++) {
                    stage.error(new io.jenkins.plugins.devsecops.model.StageError(paths[(i + e) % paths.length],
                            "error " + hostile[(i + e) % hostile.length]));
                }
                if ((i + st) % 2 == 0) {
                    stage.warning("warn " + hostile[(i + st) % hostile.length]);
                }
                report.stage(stage.build());
            }
            List<Finding> findings = new ArrayList<>();
            if (i % 5 != 0) {
                for (int f = 0; f < 12 + i; f++) {
                    String text = hostile[(i + f) % hostile.length];
                    Finding.Builder finding = Finding.builder().ruleId("r-" + text + (f % 7))
                            .stage(STAGES[f % STAGES.length]).severity(Severity.values()[(i + f) % Severity.values().length])
                            .confidence(Confidence.values()[f % Confidence.values().length])
                            .title("T " + text).message(f % 3 == 0 ? "" : "m " + text)
                            .location(new Location("a/" + f + ".txt", 1 + f, 1, 1 + f, 4, null));
                    if (i % 2 == 1) {
                        finding.cwe(CWES[(i + f) % CWES.length]);
                    }
                    if (f % 4 == 1) {
                        finding.remediation("fix " + text).identifier("CVE-2021-44228").identifier("ID " + text)
                                .identifier("GHSA-jfh8-c2jp-5v3q");
                    }
                    if (f % 5 == 2) {
                        finding.property("checkov", "CKV_AWS_" + f + ",CKV2_" + text);
                    }
                    int tool = (i + f) % 6;
                    if (tool == 1) {
                        finding.tool(new ToolInfo("gitleaks", i % 2 == 0 ? "8.1" : null));
                    } else if (tool == 2) {
                        finding.tool(new ToolInfo("Tr\u00efvy \"x\" " + hostile[i % hostile.length], i % 3 == 0 ? "" : "0.5"));
                    } else if (tool == 3) {
                        finding.tool(ours);
                    }
                    findings.add(finding.build());
                }
            }
            Report built = report.findings(findings).build();
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            sarif.write(built, written);
            String expected = new String(SarifReportWriter.mapper().writer().writeValueAsBytes(sarif.toSarif(built)),
                    StandardCharsets.UTF_8);
            String text = written.toString(StandardCharsets.UTF_8);
            assertThat(text).as("log %d", i).isEqualTo(expected);
            withTaxonomies += text.contains("\"taxonomies\"") ? 1 : 0;
            logs++;
        }
        assertThat(logs).isEqualTo(30);
        assertThat(withTaxonomies).as("logs with taxonomies").isPositive();
    }

    private static String written(SarifReportWriter sarif, Report report) throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        sarif.write(report, written);
        return written.toString(StandardCharsets.UTF_8);
    }
}
