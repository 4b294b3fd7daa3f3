package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a large SARIF report and imports it; run in a JVM with a small heap to show that the import streams.
 * {@code main(root, pattern [, generateMiB])} first writes {@code build/codeql.sarif} of that many MiB when asked,
 * then imports and prints {@code findings=N errors=N peakHeapMiB=N seconds=N}. Used by {@code LargeReportTest}
 * and by {@code bench/imports-large-report.sh}.
 */
final class LargeReportImport {

    private LargeReportImport() {
    }

    /** Writes a SARIF log of at least {@code bytes} bytes, CodeQL-like (code flows make up much of it); returns the result count. */
    static int writeSarif(Path file, long bytes) throws IOException {
        int results = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
                    + "\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":\"2.15.3\",\"rules\":[");
            for (int r = 0; r < 50; r++) {
                out.write((r > 0 ? "," : "") + "{\"id\":\"java/rule-" + r + "\",\"shortDescription\":{\"text\":\"Rule " + r
                        + "\"},\"help\":{\"text\":\"" + "Explain the weakness and its fix. ".repeat(40) + "\"},"
                        + "\"properties\":{\"tags\":[\"security\",\"external/cwe/cwe-" + (20 + r) + "\"],\"security-severity\":\""
                        + (r % 10) + ".5\"}}");
            }
            out.write("]}},\"results\":[");
            long written = 0;
            while (written < bytes) {
                String step = "{\"location\":{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/main/java/com/example/Flow"
                        + results % 313 + ".java\"},\"region\":{\"startLine\":" + (results % 900 + 1)
                        + ",\"snippet\":{\"text\":\"String value = request.getParameter(name);\"}}},\"message\":{\"text\":\"step\"}}}";
                String result = (results > 0 ? "," : "") + "{\"ruleId\":\"java/rule-" + results % 50 + "\",\"ruleIndex\":"
                        + results % 50 + ",\"message\":{\"text\":\"User-provided value flows to a sensitive sink in call number "
                        + results + ".\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/main/java/com/example/module"
                        + results % 500 + "/Handler" + results % 97 + ".java\",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":"
                        + (results + 1) + ",\"startColumn\":9,\"endColumn\":42}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":\""
                        + Long.toHexString(results * 2654435761L) + ":1\"},\"codeFlows\":[{\"threadFlows\":[{\"locations\":["
                        + String.join(",", java.util.Collections.nCopies(4, step)) + "]}]}]}";
                out.write(result);
                written += result.length();
                results++;
            }
            out.write("]}]}\n");
        }
        return results;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        if (args.length > 2) {
            Path report = root.resolve("build/codeql.sarif");
            Files.createDirectories(report.getParent());
            int results = writeSarif(report, Long.parseLong(args[2]) * 1024 * 1024);
            System.out.println("generated " + report + ": " + Files.size(report) + " bytes, " + results + " results");
        }
        long start = System.nanoTime();
        Report report = new ScanEngine(new StageCatalog(List.of(new ImportStage()))).scan(ScanRequest.builder(root)
                .threads(1).option("imports.patterns", args[1]).build(), ProgressListener.NONE);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        StageResult stage = report.stage(ImportStage.ID).orElseThrow();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("findings=" + report.findings().size() + " errors=" + stage.errors().size() + " peakHeapMiB="
                + peak / (1024 * 1024) + " maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " seconds=" + seconds + " status=" + stage.status());
        stage.errors().forEach(e -> System.out.println("error " + e));
        System.exit(stage.errors().isEmpty() ? 0 : 3);
    }
}
