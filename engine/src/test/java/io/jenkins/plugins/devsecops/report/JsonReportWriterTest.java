package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code report.json} written field by field is byte for byte what the report mapper writes for the whole report:
 * every field of the report, its walk, stages, stage errors and components, with values and without (null, empty,
 * zero), so that the inclusion rules of the model's annotations are all exercised.
 */
class JsonReportWriterTest {

    private static final ReportJson JSON = new ReportJson();

    private static List<Report> reports() {
        List<Finding> findings = SarifResultJsonTest.findings(40);
        Map<String, Long> skipped = new LinkedHashMap<>();
        skipped.put("binary", 3L);
        skipped.put("too large", 0L);
        skipped.put("ignored", null);
        StageResult full = StageResult.builder("secrets").status(StageStatus.COMPLETED).durationMillis(5)
                .filesScanned(3).bytesScanned(1234).findingCount(7).skipped("binary", 2).skipped("zero", 0)
                .error(new StageError("a/b.txt", "cannot read: \u00fc\u65e5 \"quoted\"\n"))
                .error(new StageError(null, "stage-wide")).error(new StageError("", ""))
                .warning("w").warning("").property("rules", "225").property("empty", "").build();
        StageResult empty = StageResult.builder("iac").status(StageStatus.SKIPPED).build();
        StageResult timedOut = new StageResult("", StageStatus.TIMED_OUT, 0, 0, 0, 0, skipped, List.of(),
                List.of(""), Map.of("k", "v"));
        Component component = new Component("pkg:npm/a@1.0.0", "a", "1.0.0", "npm", false, List.of("app", "a"),
                Map.of("sha512", "ab", "sha1", ""), List.of("pkg:npm/b@2.0.0"), "runtime", "package-lock.json",
                Map.of("license", "MIT"));
        Component bare = new Component("", null, "", null, null, null, null, null, "", null, null);
        Report base = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"),
                        Instant.parse("2026-12-03T17:02:27.192769480Z"))
                .root("/work/tree").durationMillis(1234).property("build", "7").property("z", "")
                .walk(new WalkSummary(10, 8, 4096, skipped, List.of("x/unreadable", "\u00fc")))
                .stage(full).stage(empty).stage(timedOut).findings(findings).components(List.of(component, bare))
                .build();
        List<Report> reports = new ArrayList<>();
        reports.add(base);
        reports.add(base.toBuilder().findings(List.of()).build());
        reports.add(new Report(0, new ToolInfo("t", ""), Instant.parse("2026-01-02T03:04:05Z"), 0, "", null, null,
                null, null, null));
        reports.add(new Report(1, new ToolInfo("t", null), Instant.EPOCH, -1, null,
                new WalkSummary(0, 0, 0, Map.of(), List.of()), List.of(empty), findings.subList(0, 2), Map.of(),
                List.of()));
        reports.add(new Report(1, new ToolInfo("t", "1"), Instant.parse("2026-01-02T03:04:05.100Z"), 9, "r",
                WalkSummary.empty(), List.of(), List.of(), Map.of("only", "properties"), List.of(bare)));
        return reports;
    }

    @Test
    void writesEveryReportAsTheMapperWritesIt() throws Exception {
        List<Report> reports = reports();
        for (int i = 0; i < reports.size(); i++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new JsonReportWriter().write(reports.get(i), written);
            String ours = written.toString(java.nio.charset.StandardCharsets.UTF_8);
            // the mapper's bytes (its UTF-8 generator, as report.json is written), not its string
            String mapper = new String(JSON.mapper().writeValueAsBytes(reports.get(i)),
                    java.nio.charset.StandardCharsets.UTF_8);
            int at = 0;
            while (at < Math.min(ours.length(), mapper.length()) && ours.charAt(at) == mapper.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 300);
            assertThat(ours.substring(from, Math.min(ours.length(), at + 200))).as("report %d", i)
                    .isEqualTo(mapper.substring(from, Math.min(mapper.length(), at + 200)));
            assertThat(written.toByteArray()).isEqualTo(JSON.mapper().writeValueAsBytes(reports.get(i)));
        }
    }

    /**
     * The writer names every field itself, so a component added to the report, its walk, a stage, a stage error or a
     * component must be set in these reports for the comparison to cover it.
     */
    @Test
    void setsEveryFieldOfTheReportOutsideItsFindings() throws Exception {
        RecordFieldCoverage coverage = new RecordFieldCoverage(value -> value instanceof Finding); // FindingJsonTest
        for (Report report : reports()) {
            coverage.add(report);
        }
        Set<String> all = coverage.reachable();
        Set<String> set = coverage.set();
        assertThat(all).contains("Report.root", "WalkSummary.unreadable", "StageResult.errors", "StageError.path",
                "Component.purl", "ToolInfo.version");
        assertThat(set).as("fields never set in the compared reports").isEqualTo(all);
    }
}
