package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A found secret is masked wherever a finding of a large scan carries it, when the findings are spilled to disk and
 * only those whose stored record holds a secret are decoded: in paths of other stages' findings, ASCII or not, in
 * snippets and messages; the findings are those of the same scan kept in memory, where every finding is masked.
 */
class SpilledSecretMaskingTest {

    private static final String SECRET = "Qw7Lm2Zx9Kp4Vn8R";

    @TempDir
    Path root;

    @AfterEach
    void restore() {
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
    }

    private void writeTree() throws Exception {
        String terraform = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n\n"
                + "resource \"aws_security_group\" \"sg\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
                + "    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
        for (int i = 0; i < 90; i++) {
            Path dir = Files.createDirectories(root.resolve("module-" + i));
            Files.writeString(dir.resolve("main.tf"), terraform);
            Files.writeString(dir.resolve("Dockerfile"), "FROM debian:12\nENV API_PASSWORD=" + SECRET + i
                    + "\nRUN apt-get update && apt-get install -y curl\n");
        }
        // secrets in file and directory names: other stages' findings carry them in their paths (stored as ASCII,
        // and as modified UTF-8 when the path has other characters)
        Files.writeString(root.resolve("module-3/" + SECRET + "3.tf"), terraform);
        Path unicode = Files.createDirectories(root.resolve("mod\u00FCl\u00E9-" + SECRET + "5-\u4E2D"));
        Files.writeString(unicode.resolve("main.tf"), terraform);
        Files.writeString(unicode.resolve("Dockerfile"), "FROM debian:12\nUSER root\n");
    }

    private Report scan() throws Exception {
        return ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).threads(1).build(),
                ProgressListener.NONE);
    }

    private static String json(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.builtIn().find("json").orElseThrow().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldMaskEveryFoundSecretInSpilledFindingsAsInFindingsKeptInMemory() throws Exception {
        writeTree();
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "1000000");
        Report inMemory = scan();
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);

        Report spilled = scan();

        assertThat(FindingList.isSpilled(inMemory.findings())).isFalse();
        assertThat(FindingList.isSpilled(spilled.findings())).isTrue();
        assertThat(spilled.findings()).hasSizeGreaterThan(1_000).containsExactlyElementsOf(inMemory.findings());
        String report = json(spilled);
        assertThat(report).doesNotContain(SECRET).contains("module-3/****.tf", "mod\u00FCl\u00E9-****-\u4E2D/main.tf");
        // the values found in the Dockerfiles: reported masked, in their snippets too
        assertThat(spilled.findings()).filteredOn(f -> f.location() != null && f.location().snippet() != null
                && f.location().snippet().contains("API_PASSWORD=****")).hasSizeGreaterThanOrEqualTo(90);
        List<Finding> maskedPaths = spilled.findings().stream()
                .filter(f -> f.location() != null && f.location().path().contains("****")).toList();
        assertThat(maskedPaths).extracting(Finding::stage).contains("iac");
        assertThat(maskedPaths).anyMatch(f -> f.location().path().startsWith("mod\u00FCl\u00E9-"));
    }
}
