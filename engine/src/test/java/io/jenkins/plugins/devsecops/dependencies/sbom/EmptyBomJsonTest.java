package io.jenkins.plugins.devsecops.dependencies.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * The SBOM of a report without packages, written by {@link EmptyBomJson}, is byte for byte what cyclonedx-core-java
 * gives for the BOM {@link CycloneDxReportWriter#toBom} builds: over roots, tool names and versions and start times
 * that its JSON escapes, trims or formats in their own ways.
 */
class EmptyBomJsonTest {

    private static final List<String> ROOTS = Arrays.asList(null, "/work/tree", "/tmp/fixed/one/", "relative/dir",
            "C:\\Users\\x\\repo", "/", "//", "", "/tmp/\u00fc \u65e5\u672c \ud83d\udd11 \"q\" \\ </x>\t",
            "/tmp/ trailing ", "/a/b\u2028c");
    private static final List<ToolInfo> TOOLS = List.of(new ToolInfo("DevSecOps Scan", "0.1.0-SNAPSHOT"),
            new ToolInfo("DevSecOps Scan", null), new ToolInfo("DevSecOps Scan", ""), new ToolInfo(" padded ", "1"),
            new ToolInfo("t\u00fcl \"x\"", " 2 "));
    private static final List<Instant> STARTS = List.of(Instant.parse("2026-12-03T17:02:27.192769480Z"),
            Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2100-02-28T23:59:59.999999999Z"));

    private static List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        Finding secret = Finding.builder().ruleId("generic-secret").stage("secrets").severity(Severity.HIGH)
                .title("Secret").build();
        for (String root : ROOTS) {
            for (ToolInfo tool : TOOLS) {
                for (Instant start : STARTS) {
                    reports.add(Report.builder(tool, start).root(root).finding(secret).build());
                }
            }
        }
        return reports;
    }

    @Test
    void writesEveryEmptyBomItTakesAsTheLibraryDoes() throws Exception {
        int written = 0;
        for (Report report : reports()) {
            String library = BomGeneratorFactory.createJson(Version.VERSION_16, CycloneDxReportWriter.toBom(report))
                    .toJsonString();
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            new CycloneDxReportWriter().write(report, ours);
            assertThat(ours.toString(StandardCharsets.UTF_8)).as("%s %s %s", report.root(), report.tool(),
                    report.startedAt()).isEqualTo(library);
            if (EmptyBomJson.writes(report)) {
                ByteArrayOutputStream direct = new ByteArrayOutputStream();
                EmptyBomJson.write(report, direct);
                assertThat(direct.toString(StandardCharsets.UTF_8)).isEqualTo(library);
                written++;
            }
        }
        assertThat(written).as("reports the fast path writes").isGreaterThan(50);
        assertThat(EmptyBomJson.writes(Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.EPOCH)
                .root("/work/tree").build())).isTrue();
    }
}
