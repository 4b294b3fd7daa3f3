package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {

    @TempDir
    Path root;

    /** Reports one finding per line containing TODO-SECURITY, and remembers which files it saw. */
    static final class MarkerStage implements Stage {
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public String id() {
            return "marker";
        }

        @Override
        public String description() {
            return "test stage";
        }

        @Override
        public StageScanner open(StageContext context) {
            return new StageScanner() {
                @Override
                public void scan(SourceFile file, FindingSink sink) {
                    seen.add(file.path());
                    String text = file.text();
                    int index = text.indexOf("TODO-SECURITY");
                    while (index >= 0) {
                        int line = file.lines().lineOf(index);
                        sink.report(Finding.builder().ruleId("marker").stage("marker").severity(Severity.LOW)
                                .title("Marker").location(Location.ofLine(file.path(), line)
                                        .withSnippet(file.lines().line(line))).build());
                        index = text.indexOf("TODO-SECURITY", index + 1);
                    }
                }
            };
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldWalkOnceSkippingGitIgnoredBinaryAndLargeFiles() throws Exception {
        write("src/App.java", "class App {\n  // TODO-SECURITY check input\n}\n");
        write(".git/config", "TODO-SECURITY inside git internals");
        write("build/out.txt", "TODO-SECURITY in an ignored directory");
        write("notes/keep.log", "TODO-SECURITY kept by negation");
        write("notes/drop.log", "TODO-SECURITY dropped");
        write(".devsecopsignore", "build/\n*.log\n!keep.log\n");
        write("big.txt", "x".repeat(2000));
        Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});

        MarkerStage stage = new MarkerStage();
        Report report = new ScanEngine(new StageCatalog(List.of(stage)))
                .scan(ScanRequest.builder(root).maxFileSize(1000).threads(2).build(), ProgressListener.NONE);

        assertThat(stage.seen).containsExactlyInAnyOrder("src/App.java", "notes/keep.log", ".devsecopsignore");
        assertThat(report.findings()).extracting(f -> f.location().toString())
                .containsExactly("notes/keep.log:1", "src/App.java:2");
        assertThat(report.walk().skipped()).containsEntry("ignored", 2L).containsEntry("too-large", 1L)
                .containsEntry("binary", 1L);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.fingerprint()).hasSize(64));
    }

    @Test
    void shouldHonourIncludeAndExcludePatterns() throws Exception {
        write("src/main/A.java", "TODO-SECURITY");
        write("src/test/ATest.java", "TODO-SECURITY");
        write("README.md", "TODO-SECURITY");

        MarkerStage stage = new MarkerStage();
        Report report = new ScanEngine(new StageCatalog(List.of(stage))).scan(ScanRequest.builder(root)
                .include("*.java").exclude("src/test/").build(), ProgressListener.NONE);

        assertThat(stage.seen).containsExactly("src/main/A.java");
        assertThat(report.walk().skipped()).containsEntry("excluded", 1L).containsEntry("ignored", 1L);
    }

    @Test
    void shouldNotFollowSymlinkLoops() throws Exception {
        write("dir/a.txt", "TODO-SECURITY");
        Files.createSymbolicLink(root.resolve("dir/loop"), root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("dir/a.txt"));

        Report report = new ScanEngine(new StageCatalog(List.of(new MarkerStage())))
                .scan(ScanRequest.builder(root).build(), ProgressListener.NONE);

        assertThat(report.findings()).hasSize(1);
        assertThat(report.walk().skipped()).containsEntry("symlink", 2L);
    }

    @Test
    void shouldKeepOtherStagesWhenOneThrowsOrTimesOut() throws Exception {
        write("a.txt", "TODO-SECURITY");
        write("poison.txt", "boom");
        Stage failing = new Stage() {
            @Override
            public String id() {
                return "failing";
            }

            @Override
            public String description() {
                return "fails";
            }

            @Override
            public StageScanner open(StageContext context) {
                return new StageScanner() {
                    @Override
                    public void scan(SourceFile file, FindingSink sink) {
                        if (file.text().contains("boom")) {
                            throw new IllegalStateException("cannot parse " + file.path());
                        }
                    }

                    @Override
                    public void finish(FindingSink sink) {
                        throw new IllegalStateException("broken database");
                    }
                };
            }
        };
        Stage slow = new Stage() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public String description() {
                return "hangs";
            }

            @Override
            public StageScanner open(StageContext context) {
                return new StageScanner() {
                    @Override
                    public void finish(FindingSink sink) throws InterruptedException {
                        Thread.sleep(60_000);
                    }
                };
            }
        };

        Report report = new ScanEngine(new StageCatalog(List.of(new MarkerStage(), failing, slow)))
                .scan(ScanRequest.builder(root).stageTimeout(Duration.ofSeconds(2)).build(), ProgressListener.NONE);

        assertThat(report.findings()).hasSize(1);
        assertThat(report.stage("marker")).map(StageResult::status).contains(StageStatus.COMPLETED);
        StageResult failed = report.stage("failing").orElseThrow();
        assertThat(failed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(failed.errors()).extracting(Object::toString)
                .contains("poison.txt: cannot parse poison.txt", "Stage failed: broken database");
        assertThat(report.stage("slow")).map(StageResult::status).contains(StageStatus.TIMED_OUT);
    }

    @Test
    void shouldRejectUnknownStagesAndMissingRoots() {
        ScanEngine engine = new ScanEngine(new StageCatalog(List.of(new MarkerStage())));

        assertThatThrownBy(() -> engine.scan(ScanRequest.builder(root).stage("nope").build(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown stage 'nope'")
                .hasMessageContaining("marker");
        assertThatThrownBy(() -> engine.scan(ScanRequest.builder(root.resolve("missing")).build(), ProgressListener.NONE))
                .isInstanceOf(IOException.class);
    }
}
