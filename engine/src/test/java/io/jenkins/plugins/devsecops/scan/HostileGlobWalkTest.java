package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Backtracking-shaped --exclude, --include and .devsecopsignore patterns against a deep tree finish and still apply. */
class HostileGlobWalkTest {

    @TempDir
    Path root;

    private static final String HOSTILE = "**/" + "*a".repeat(30) + "b/" + "**/*a*/".repeat(15) + "**/zz*";

    private Path deepDirectory() throws IOException {
        Path deep = root;
        for (int i = 0; i < 60; i++) {
            deep = deep.resolve("aaaaaaaaaaaaaaaaaaaa");
        }
        return Files.createDirectories(deep);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldWalkADeepTreeWithBacktrackingShapedPatterns() throws Exception {
        // Given a 60-level tree, an ignore file and request patterns of the shape that makes a backtracking matcher
        // try every split of the path
        Path deep = deepDirectory();
        Files.writeString(deep.resolve("App.java"), "TODO-SECURITY\n");
        Files.writeString(deep.resolve("skip.log"), "TODO-SECURITY\n");
        Files.writeString(root.resolve("top.java"), "TODO-SECURITY\n");
        Files.writeString(root.resolve(PathFilter.IGNORE_FILE), HOSTILE + "\n" + "*a*a*a*a*a*a*a*a*a*a*a*a*c\n*.log\n");
        ScanEngineTest.MarkerStage stage = new ScanEngineTest.MarkerStage();

        // When
        Report report = new ScanEngine(new StageCatalog(List.of(stage))).scan(ScanRequest.builder(root)
                .exclude(HOSTILE).exclude("*a".repeat(40) + "/**/x").include("**/*a*a*a*a*a*a*a*a*/**/*.java")
                .include("*.java").build(), ProgressListener.NONE);

        // Then the walk finished, the deep file is scanned and the log left out by the ignore file
        String deepJava = root.relativize(deep.resolve("App.java")).toString().replace('\\', '/');
        assertThat(stage.seen).containsExactlyInAnyOrder(deepJava, "top.java");
        assertThat(report.findings()).hasSize(2);
    }

    @Test
    void shouldRefuseAnInvalidPatternNamingIt() {
        assertThatThrownBy(() -> ScanRequest.builder(root).exclude("src/[[[[").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("src/[[[[");
    }
}
