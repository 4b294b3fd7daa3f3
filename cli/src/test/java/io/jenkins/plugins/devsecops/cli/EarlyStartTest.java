package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.report.ReportWriters;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link EarlyStart} reads the stages from the raw arguments before picocli does: where it starts anything, it must
 * read the stages picocli then gives the scan, so that the scan does not load them a second time.
 */
class EarlyStartTest {

    private static List<String> picocliStages(String... args) {
        CommandLine commandLine = DevSecOpsCommand.newCommandLine();
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        CommandLine.ParseResult scan = parsed.subcommand();
        return scan.hasMatchedOption("--stages") ? scan.matchedOption("--stages").getValue() : List.of();
    }

    @Test
    void shouldReadTheStagesPicocliReads() {
        for (String[] args : List.of(
                new String[] {"scan", "--stages", "secrets", "-q", "dir"},
                new String[] {"scan", "--stages=secrets,iac", "-f", "json"},
                new String[] {"scan", "--stages", "secrets", "--stages", "iac,dependencies", "dir"},
                new String[] {"scan", "-q", "-o", "out", "dir"},
                new String[] {"scan"})) {
            assertThat(EarlyStart.scanStages(args)).as(String.join(" ", args)).contains(picocliStages(args));
        }
    }

    @Test
    void shouldStartNothingForOtherCommandsOrHelp() {
        assertThat(EarlyStart.scanStages(new String[] {})).isEmpty();
        assertThat(EarlyStart.scanStages(new String[] {"--version"})).isEmpty();
        assertThat(EarlyStart.scanStages(new String[] {"policy", "check", "--stages", "x"})).isEmpty();
        assertThat(EarlyStart.scanStages(new String[] {"scan", "--stages", "secrets", "--help"})).isEmpty();
        assertThat(EarlyStart.scanStages(new String[] {"scan", "-h"})).isEmpty();
    }

    @Test
    void shouldGiveTheBuiltInReportWriters() {
        // Without an early start (as in tests and the plugin), the writers are loaded on the caller's thread
        assertThat(EarlyStart.writers().formats()).isEqualTo(ReportWriters.builtIn().formats()).contains("json");
    }

    private static List<String> picocliFormats(String... args) {
        CommandLine.ParseResult scan = DevSecOpsCommand.newCommandLine().parseArgs(args).subcommand();
        return scan.hasMatchedOption("--format") ? scan.matchedOption("--format").getValue() : null;
    }

    /** The charts library is loaded early exactly when the formats picocli reads include a page (or are the default). */
    @Test
    void shouldPreloadTheChartsLibraryWhenTheFormatsPicocliReadsWriteAPage() {
        for (String[] args : List.of(
                new String[] {"scan", "-q", "dir"},
                new String[] {"scan", "-f", "json", "dir"},
                new String[] {"scan", "-f", "json,html", "dir"},
                new String[] {"scan", "--format", "sarif", "--format", "dashboard", "dir"},
                new String[] {"scan", "--format=json,cyclonedx", "dir"},
                new String[] {"scan", "-fjson", "dir"},
                new String[] {"scan", "-f", "json", "-f", " HTML", "dir"},
                new String[] {"scan", "--stages", "secrets", "-f", "compliance-csv", "dir"})) {
            List<String> formats = picocliFormats(args);
            boolean pages = formats == null || formats.stream().map(f -> f.trim().toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(f -> f.equals("html") || f.equals("dashboard"));
            assertThat(EarlyStart.writesPages(args)).as(String.join(" ", args)).isEqualTo(pages);
            boolean compliance = formats == null || formats.stream()
                    .map(f -> f.trim().toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(f -> f.equals("html") || f.equals("sarif") || f.equals("compliance-csv"));
            assertThat(EarlyStart.writesFormat(args, "html", "sarif", "compliance-csv")).as(String.join(" ", args))
                    .isEqualTo(compliance);
        }
    }
}
