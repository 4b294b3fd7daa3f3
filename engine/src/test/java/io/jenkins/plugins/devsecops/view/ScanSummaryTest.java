package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanSummaryTest {

    @Test
    void shouldCountActiveFindingsBySeverityAndStage() {
        // Given a report with four findings, one suppressed, and a timed-out stage
        Report report = ViewFixtures.mixedReport();

        // When it is summarized
        ScanSummary summary = ScanSummary.of(report);

        // Then suppressed findings are counted apart and every stage that ran is listed
        assertThat(summary.bySeverity()).containsExactly(Map.entry(Severity.CRITICAL, 1), Map.entry(Severity.HIGH, 1),
                Map.entry(Severity.MEDIUM, 1), Map.entry(Severity.LOW, 0), Map.entry(Severity.INFO, 0));
        assertThat(summary.byStage()).containsExactly(Map.entry("dependencies", 1), Map.entry("iac", 0),
                Map.entry("secrets", 2));
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.suppressed()).isEqualTo(1);
        assertThat(summary.countAtLeast(Severity.HIGH)).isEqualTo(2);
        assertThat(summary.incompleteStages()).containsExactly("iac");
        assertThat(summary.isComplete()).isFalse();
    }

    @Test
    void shouldSummarizeAReportReadBackFromJson() throws IOException {
        // Given the report as the plugin stores it in the build directory
        ReportJson json = new ReportJson();
        Report stored = json.fromJson(json.toJson(ViewFixtures.mixedReport()));

        // When it is summarized
        ScanSummary summary = ScanSummary.of(stored);

        // Then it equals the summary of the original
        assertThat(summary).isEqualTo(ScanSummary.of(ViewFixtures.mixedReport()));
    }

    @Test
    void shouldFillMissingSeveritiesWithZeroAndRejectNegativeCounts() {
        // Given counts as they come back from build.xml, with severities missing
        ScanSummary summary = new ScanSummary(Map.of(Severity.LOW, 4), null, 0, null);

        // Then every severity is present
        assertThat(summary.bySeverity()).hasSize(5).containsEntry(Severity.LOW, 4).containsEntry(Severity.CRITICAL, 0);
        assertThat(summary.byStage()).isEmpty();
        assertThat(ScanSummary.empty().total()).isZero();
        assertThatThrownBy(() -> new ScanSummary(Map.of(Severity.LOW, -1), Map.of(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSummary(Map.of(), Map.of(), -2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSurviveJavaSerialization() throws IOException, ClassNotFoundException {
        // Given a summary (it crosses the agent channel inside step results)
        ScanSummary summary = ScanSummary.of(ViewFixtures.mixedReport());

        // When it is serialized and read back
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(summary);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        // Then it is equal
        assertThat(read).isEqualTo(summary);
    }
}
