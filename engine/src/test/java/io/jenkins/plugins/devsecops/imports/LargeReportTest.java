package io.jenkins.plugins.devsecops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large report imports in a JVM with a heap smaller than the report: the parsers stream. The default size keeps
 * the suite fast on shared CI (32 MiB report, 96 MiB heap); {@code -Dimports.largeReportMiB=100
 * -Dimports.largeReportHeap=256m} runs the full-size proof, as does {@code bench/imports-large-report.sh}.
 */
class LargeReportTest {

    private static final long SIZE_MIB = Long.getLong("imports.largeReportMiB", 32);
    private static final String HEAP = System.getProperty("imports.largeReportHeap", "96m");

    @TempDir
    Path root;

    @Test
    void shouldImportASarifReportLargerThanTheHeap() throws IOException, InterruptedException {
        // Given a generated SARIF report
        Path report = root.resolve("build/codeql.sarif");
        Files.createDirectories(report.getParent());
        int results = LargeReportImport.writeSarif(report, SIZE_MIB * 1024 * 1024);
        assertThat(Files.size(report)).isGreaterThanOrEqualTo(SIZE_MIB * 1024 * 1024);

        // When a JVM with a smaller heap imports it
        Path log = root.resolve("import.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeReportImport.class.getName(), root.toString(), "sarif:build/*.sarif"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(SIZE_MIB + " MiB SARIF import (" + results + " results, -Xmx" + HEAP + "): " + output.trim());

        // Then every result became a finding, without running out of memory
        assertThat(exited).isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("findings=" + results + " errors=0");
    }
}
