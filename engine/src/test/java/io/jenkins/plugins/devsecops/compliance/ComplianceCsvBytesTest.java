package io.jenkins.plugins.devsecops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CSV written from cells rendered once per finding is byte for byte the CSV written row by row through a
 * character writer (the way it was written before), for lists in memory and spilled to disk.
 */
class ComplianceCsvBytesTest {

    private static final String[] TEXTS = {"plain", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab",
        "\rCR", "quote \" inside", "é ü \u4e2d\u6587 \ud83d\udd11", "lone \ud800 high", "lone \udfff low", "", "a,b\r\nc"};
    private static final String[] CWES = {"CWE-798", "CWE-89", "CWE-79", "CWE-22", "CWE-311", "CWE-1104", "CWE-0"};
    private static final String[] STAGES = {"secrets", "sast", "iac", "dependencies", "imports"};

    /** Findings with every field set, texts that need quoting, neutralising or are not ASCII, some suppressed. */
    static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = TEXTS[i % TEXTS.length];
            Finding.Builder finding = Finding.builder().ruleId("rule-" + (i % 37) + (i % 11 == 0 ? text : ""))
                    .stage(STAGES[i % STAGES.length]).severity(Severity.values()[i % Severity.values().length])
                    .title("Title " + text + " " + (i % 17)).message("message " + text + i)
                    .confidence(Confidence.values()[i % Confidence.values().length])
                    .cwe(CWES[i % CWES.length]).identifier("ID-" + i)
                    .remediation("fix " + text).fixedVersion(i % 3 == 0 ? "2." + i : null)
                    .tool(new ToolInfo("DevSecOps Scan", "0.1.0")).fingerprint(i % 19 == 0 ? null : text + "fp-" + i)
                    .property("resource", text + "/r" + (i % 50)).property("n", String.valueOf(i));
            if (i % 4 == 1) {
                finding.cwe(CWES[(i + 3) % CWES.length]);
            }
            if (i % 6 == 2) {
                finding.component(new Component(i % 12 == 2 ? null : "pkg:maven/g/a" + text + "@1." + i, "a" + text,
                        "1." + i, "maven", i % 2 == 0, List.of("app", "a"), Map.of("SHA-256", "ab" + i),
                        List.of("pkg:maven/g/b@2"), "compile", "pom.xml", Map.of("k", text)))
                        .cvss(new Cvss("3.1", 7.5, "CVSS:3.1/AV:N"));
            } else if (i % 6 != 5) {
                finding.location(new Location("src/" + text + "/F" + (i % 300) + ".java", 1 + i % 900, 2, 3 + i % 900, 4,
                        "snippet " + text));
            }
            if (i % 10 == 7) {
                finding.suppression(new Suppression("rule-path", "reason " + text, "team", LocalDate.of(2027, 1, 1),
                        "s.yaml:" + i));
            }
            findings.add(finding.build());
        }
        return findings;
    }

    private static byte[] rowByRow(ComplianceView view) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        ComplianceCsv.write(view, (Appendable) writer);
        writer.flush();
        return bytes.toByteArray();
    }

    private static byte[] written(ComplianceView view) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComplianceCsv.write(view, bytes);
        return bytes.toByteArray();
    }

    /** The view the compliance CSV report writes: the report's open findings (suppressed ones skipped in place). */
    private static ComplianceView viewOf(List<Finding> findings) {
        return ComplianceView.of(Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.EPOCH)
                .findings(findings).build());
    }

    @Test
    void shouldWriteTheSameBytesAsRowByRowForASpilledList() throws Exception {
        List<Finding> spilled = FindingList.builder(0).addAll(findings(2_600)).build();
        assertThat(FindingList.isSpilled(spilled)).isTrue();
        for (ComplianceView view : List.of(ComplianceView.of(spilled, ComplianceCatalog.builtIn()), viewOf(spilled))) {
            byte[] expected = rowByRow(view);
            assertThat(new String(expected, StandardCharsets.UTF_8).split("\r\n")).hasSizeGreaterThan(5_000);
            assertThat(written(view)).isEqualTo(expected);
        }
    }

    @Test
    void shouldWriteTheSameBytesAsRowByRowForAListInMemoryAndWithoutFindings() throws Exception {
        List<Finding> inMemory = List.copyOf(findings(300));
        for (ComplianceView view : List.of(ComplianceView.of(inMemory, ComplianceCatalog.builtIn()), viewOf(inMemory))) {
            assertThat(written(view)).isEqualTo(rowByRow(view));
        }
        ComplianceView empty = ComplianceView.of(List.of(), ComplianceCatalog.builtIn());
        assertThat(written(empty)).isEqualTo(rowByRow(empty));
    }
}
