package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Copies report fixtures into a scan root and runs the import stage through the real engine. */
final class ImportFixtures {

    private final Path root;

    ImportFixtures(Path root) {
        this.root = root;
    }

    /** Copies a fixture from {@code src/test/resources/imports}, with {@code @ROOT@} replaced by the scan root. */
    Path copy(String resource, String target) {
        try (InputStream in = Objects.requireNonNull(ImportFixtures.class.getResourceAsStream("/imports/" + resource),
                resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@ROOT@", root.toString().replace('\\', '/'));
            return write(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String target, String content) {
        return write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String target, byte[] content) {
        try {
            Path file = root.resolve(target);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String target) {
        try {
            return Files.readString(root.resolve(target), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the root with only the import stage and the given patterns and options. */
    Report scan(String patterns, Map<String, String> options) {
        ScanRequest.Builder request = ScanRequest.builder(root).threads(1);
        if (patterns != null) {
            request.option("imports.patterns", patterns);
        }
        options.forEach(request::option);
        try {
            return new ScanEngine(new StageCatalog(List.of(new ImportStage()))).scan(request.build(), ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Report scan(String patterns) {
        return scan(patterns, Map.of());
    }

    static StageResult stage(Report report) {
        return report.stage(ImportStage.ID).orElseThrow();
    }

    static Finding byRule(Report report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("No finding " + ruleId + " in " + report.findings().stream()
                        .map(Finding::ruleId).toList()));
    }
}
