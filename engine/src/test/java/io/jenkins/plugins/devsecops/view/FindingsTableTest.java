package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FindingsTableTest {

    @Test
    void shouldListEveryFindingWithDetailsWhenNotFiltered() {
        // Given a report with secrets and dependency findings
        Report report = ViewFixtures.mixedReport();

        // When the unfiltered table is built
        FindingsTable table = FindingsTable.of(report, FindingsFilter.all());

        // Then every finding is a row in report order, with its details
        assertThat(table.rows()).extracting(FindingRow::ruleId).containsExactly("GHSA-jfh8-c2jp-5v3q",
                "aws-secret-access-key", "GHSA-35jh-r3h4-6jhm", "aws-secret-access-key");
        FindingRow log4j = table.rows().get(0);
        assertThat(log4j.location()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4j.identifiers()).containsExactly("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.fixedVersion()).isEqualTo("2.15.0");
        assertThat(log4j.cvss()).isEqualTo("10.0 (CVSS 3.1)");
        assertThat(log4j.hasDetails()).isTrue();
        FindingRow secret = table.rows().get(1);
        assertThat(secret.location()).isEqualTo(".env:2");
        assertThat(secret.component()).isEmpty();
        assertThat(secret.cwes()).containsExactly("CWE-798");
        FindingRow lodash = table.rows().get(2);
        assertThat(lodash.state()).isEqualTo(FindingState.SUPPRESSED);
        assertThat(lodash.suppressionReason()).isEqualTo("template() is never called");
        assertThat(table.matched()).isEqualTo(4);
        assertThat(table.total()).isEqualTo(4);
        assertThat(table.severities()).containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM);
        assertThat(table.stages()).containsExactly("dependencies", "iac", "secrets");
        assertThat(table.isTruncated()).isFalse();
    }

    @Test
    void shouldFilterBySeverityStageAndState() {
        Report report = ViewFixtures.mixedReport();

        FindingsTable high = FindingsTable.of(report, FindingsFilter.parse("high", null, null));
        FindingsTable activeDependencies = FindingsTable.of(report, FindingsFilter.parse("", "dependencies", "outstanding"));
        FindingsTable suppressed = FindingsTable.of(report, FindingsFilter.parse(null, null, "SUPPRESSED"));

        assertThat(high.rows()).extracting(FindingRow::severity).containsOnly(Severity.HIGH).hasSize(2);
        assertThat(activeDependencies.rows()).extracting(FindingRow::ruleId).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(suppressed.rows()).extracting(FindingRow::ruleId).containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(activeDependencies.filter().stageValue()).isEqualTo("dependencies");
        assertThat(activeDependencies.filter().stateValue()).isEqualTo("OUTSTANDING");
        assertThat(high.filter().severityValue()).isEqualTo("HIGH");
    }

    @Test
    void shouldIgnoreHostileOrUnknownFilterValues() {
        // Given query parameters an attacker typed into the URL
        FindingsFilter filter = FindingsFilter.parse("<script>alert(1)</script>", "x".repeat(10_000), "'; DROP");

        // Then they select nothing special and the page shows everything
        assertThat(filter).isEqualTo(FindingsFilter.all());
        assertThat(FindingsTable.of(ViewFixtures.mixedReport(), filter).matched()).isEqualTo(4);
        assertThat(FindingsFilter.parse(null, null, null).severityValue()).isEmpty();
    }

    @Test
    void shouldCapTheRowsOfAHugeReportButCountEveryMatch() {
        // Given a report with 5,000 findings
        Report.Builder builder = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.now());
        for (int i = 1; i <= 5000; i++) {
            Finding finding = ViewFixtures.secret("src/file" + i + ".env", i, Severity.HIGH);
            builder.finding(finding);
        }
        Report report = builder.build();

        // When the table is built
        FindingsTable table = FindingsTable.of(report, FindingsFilter.all());

        // Then the page shows the first page of rows and says more matched
        assertThat(table.rows()).hasSize(FindingsTable.MAX_ROWS);
        assertThat(table.matched()).isEqualTo(5000);
        assertThat(table.isTruncated()).isTrue();
        assertThatThrownBy(() -> FindingsTable.of(report, FindingsFilter.all(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepAttackerControlledTextRawForThePageToEscape() {
        // Given a finding whose title came from a scanned file
        Finding hostile = Finding.builder().ruleId("r").stage("secrets").severity(Severity.LOW)
                .title("<img src=x onerror=alert(1)>").build();
        Report report = Report.builder(new ToolInfo("t", "1"), Instant.now()).finding(hostile).build();

        // When it becomes a row
        FindingRow row = FindingsTable.of(report, FindingsFilter.all()).rows().get(0);

        // Then the text is unchanged (Jelly escapes it) and no field is null
        assertThat(row.title()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(row.location()).isEmpty();
        assertThat(row.message()).isEmpty();
        assertThat(row.hasDetails()).isFalse();
    }
}
