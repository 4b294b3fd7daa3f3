package io.jenkins.plugins.devsecops.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileException;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParser;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParsers;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, duplicated, huge and hostile lockfiles: a clear per-file error or warning, never a crash. */
class HostileInputTest {

    @TempDir
    Path temp;

    static final List<String> FILE_NAMES = List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "pom.xml",
            "dependency-list.txt", "bom.json", "gradle.lockfile", "requirements.txt", "Pipfile.lock", "poetry.lock",
            "uv.lock", "go.mod", "go.sum", "Cargo.lock", "Gemfile.lock", "composer.lock", "packages.lock.json", "app.jar");

    @Test
    void shouldNeverThrowAnythingButLockfileExceptionOnGarbage() {
        // Given random bytes, truncated structures and deep nesting for every format
        Random random = new Random(42);
        List<String> garbage = new java.util.ArrayList<>(List.of("", "\u0000\u0001\u0002", "{", "[[[[", "}}}}",
                "[".repeat(100_000), "{\"a\":".repeat(5000), "<a>".repeat(5000), "- - - -\n  : :\n", "\"\\u00",
                "[[package]]\nname = \"x\nversion = 1\n", "dependencies = [ \"unterminated", "GEM\n    x (\n",
                "require (\n", "{\"packages\": {\"node_modules/a\": {\"version\": 5}}}", "{\"a\": 1, \"a\": 2}"));
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            garbage.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (String name : FILE_NAMES) {
            LockfileParser parser = LockfileParsers.forFileName(name).orElseThrow();
            for (String content : garbage) {
                // When / Then: either packages or a LockfileException, nothing else
                try {
                    parser.parse(Lockfile.of("x/" + name, content));
                } catch (LockfileException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void shouldCheckAFiftyThousandPackageLockfileAndKeepOtherFilesResults() throws Exception {
        // Given a 50,000-package npm lockfile, a corrupt yarn.lock and a good requirements file
        Path project = temp.resolve("p");
        Files.createDirectories(project.resolve("big"));
        StringBuilder lock = new StringBuilder("{\"lockfileVersion\": 3, \"packages\": {\"\": {\"dependencies\": {");
        for (int i = 0; i < 50_000; i++) {
            lock.append(i == 0 ? "" : ",").append("\"pkg-").append(i).append("\": \"1.0.0\"");
        }
        lock.append("}}");
        for (int i = 0; i < 50_000; i++) {
            lock.append(",\n\"node_modules/pkg-").append(i).append("\": {\"version\": \"1.0.").append(i % 50).append("\"}");
        }
        lock.append(",\n\"node_modules/lodash\": {\"version\": \"4.17.20\"}");
        lock.append(",\n\"node_modules/dup\": {\"version\": \"1.0.0\"}");
        lock.append(",\n\"node_modules/x/node_modules/dup\": {\"version\": \"1.0.0\"}");
        lock.append(",\n\"node_modules/weird\": {\"version\": \"latest-and-greatest\"}");
        lock.append("}}");
        Files.writeString(project.resolve("big/package-lock.json"), lock);
        Files.createDirectories(project.resolve("bad"));
        Files.writeString(project.resolve("bad/yarn.lock"), "garbage without structure\n");
        Files.writeString(project.resolve("requirements.txt"), "Django==2.2.10\n");
        Path osv = temp.resolve("osv");
        Files.createDirectories(osv);
        for (var entry : OsvFixtures.all().entrySet()) {
            Files.writeString(osv.resolve(entry.getKey() + ".json"), entry.getValue());
        }

        // When
        Report report = new ScanEngine(new StageCatalog(List.of(new DependencyStage()))).scan(
                ScanRequest.builder(project).stage("dependencies").threads(2)
                        .option("dependencies.osvDir", osv.toString())
                        .option("dependencies.indexDir", temp.resolve("index").toString()).build(),
                ProgressListener.NONE);

        // Then
        StageResult stage = report.stage("dependencies").orElseThrow();
        assertThat(stage.properties()).containsEntry("packages", "50004").containsEntry("lockfiles", "2");
        assertThat(stage.errors()).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("bad/yarn.lock"));
        assertThat(report.findings()).extracting(f -> f.component().name()).containsExactlyInAnyOrder("Django", "lodash");
        assertThat(report.components()).hasSize(50_004);
        assertThat(report.components()).filteredOn(c -> c.name().equals("dup")).hasSize(1);
    }
}
