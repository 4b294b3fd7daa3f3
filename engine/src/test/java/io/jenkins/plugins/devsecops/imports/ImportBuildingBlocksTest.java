package io.jenkins.plugins.devsecops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Component;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pattern parsing, detection, path resolution and identifier normalisation. */
class ImportBuildingBlocksTest {

    @TempDir
    Path root;

    @Test
    void shouldParsePatternListsAndTreatAPatternWithoutFormatAsAuto() {
        // When
        List<ImportPattern> patterns = ImportPattern.parseList(" sarif:build/**/*.sarif ;auto:reports/*.json\nreports/x.xml;;");

        // Then
        assertThat(patterns).containsExactly(new ImportPattern("sarif", "build/**/*.sarif"),
                new ImportPattern("auto", "reports/*.json"), new ImportPattern("auto", "reports/x.xml"));
    }

    @Test
    void shouldAcceptAbsoluteGlobsInsideTheRootAndAnchorThem() {
        // Given
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("bandit.json", "build/bandit.json");
        fixtures.copy("bandit.json", "other/build/bandit.json");

        // When
        var report = fixtures.scan("bandit:" + root.resolve("build").toString().replace('\\', '/') + "/*.json",
                java.util.Map.of("imports.merge", "false"));

        // Then only the report directly under the root's build/ is imported
        assertThat(ImportFixtures.stage(report).properties()).containsEntry("reports", "1");
        assertThat(report.findings()).allMatch(f -> f.properties().get("report").equals("build/bandit.json"));
    }

    @Test
    void shouldBuildTheOptionFromCliValuesAndRejectUnknownFormats() {
        assertThat(ImportPattern.toOption(List.of("SARIF:a/*.sarif", "auto:b.json"))).isEqualTo("sarif:a/*.sarif;auto:b.json");
        assertThatThrownBy(() -> ImportPattern.toOption(List.of("trivvy:x.json")))
                .hasMessageContaining("Unknown import format 'trivvy'").hasMessageContaining("trivy");
        assertThatThrownBy(() -> ImportPattern.parse("sarif:")).hasMessageContaining("FORMAT:GLOB");
    }

    @ParameterizedTest
    @CsvSource({
        "codeql-and-semgrep.sarif, sarif", "trivy-fs.json, trivy", "trivy-image.json, trivy", "grype.json, grype",
        "gitleaks.json, gitleaks", "semgrep.json, semgrep", "dependency-check.json, dependency-check",
        "dependency-check.xml, dependency-check", "zap.json, zap", "checkov.json, checkov", "bandit.json, bandit",
        "npm-audit.json, npm-audit", "spotbugs.xml, spotbugs"})
    void shouldDetectEveryFormatFromItsContent(String fixture, String format) throws IOException {
        // Given
        String head;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/imports/" + fixture))) {
            head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // When / Then
        assertThat(ReportParsers.builtIn().detect(head)).map(ReportParser::format).contains(format);
        assertThat(ReportParsers.builtIn().detect("\uFEFF" + head)).as("after a byte order mark")
                .map(ReportParser::format).contains(format);
    }

    @Test
    void shouldNotDetectUnrelatedJson() {
        assertThat(ReportParsers.builtIn().detect("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {}}")).isEmpty();
        assertThat(ReportParsers.builtIn().detect("<project><modelVersion>4.0.0</modelVersion></project>")).isEmpty();
    }

    @Test
    void shouldResolvePathsAgainstTheRoot() {
        // Given
        List<String> warnings = new ArrayList<>();
        ReportPaths paths = new ReportPaths(root, warnings::add);

        // When / Then
        assertThat(paths.relativize("./src//a/../b/C.java")).isEqualTo("src/b/C.java");
        assertThat(paths.relativize("src\\win\\File.cs")).isEqualTo("src/win/File.cs");
        assertThat(paths.relativize(root.resolve("lib/x.jar").toString())).isEqualTo("lib/x.jar");
        assertThat(paths.relativize(root.toUri() + "my%20dir/a.js")).isEqualTo("my dir/a.js");
        assertThat(paths.relativize("file://localhost" + root.toUri().getRawPath() + "z.txt")).isEqualTo("z.txt");
        assertThat(paths.relativize("https://example.com/x")).isEqualTo("https://example.com/x");
        assertThat(paths.relativizeAgainst(root.toString(), "/package-lock.json")).isEqualTo("package-lock.json");
        assertThat(paths.relativizeAgainst(".", "/infra/main.tf")).isEqualTo("infra/main.tf");
        assertThat(warnings).isEmpty();
        assertThat(paths.relativize("/opt/elsewhere/x.jar")).isEqualTo("/opt/elsewhere/x.jar");
        assertThat(paths.relativize("file://otherhost/share/x")).isEqualTo("file://otherhost/share/x");
        assertThat(paths.relativize(null)).isNull();
        assertThat(paths.relativize("bad\u0000path")).isNull();
        assertThat(warnings).hasSize(2);
    }

    @Test
    void shouldNormaliseCwesAndAdvisories() {
        assertThat(SecurityIds.cwe("external/cwe/cwe-079")).isEqualTo("CWE-79");
        assertThat(SecurityIds.cwe("CWE-78: Improper Neutralization")).isEqualTo("CWE-78");
        assertThat(SecurityIds.cwe("89")).isEqualTo("CWE-89");
        assertThat(SecurityIds.cwe("-1")).isNull();
        assertThat(SecurityIds.cwe("0")).isNull();
        assertThat(SecurityIds.cwe("security")).isNull();
        assertThat(SecurityIds.isAdvisory("cve-2021-44228")).isTrue();
        assertThat(SecurityIds.normalizeAdvisory("cve-2021-44228")).isEqualTo("CVE-2021-44228");
        assertThat(SecurityIds.normalizeAdvisory("GHSA-35JH-R3H4-6JHM")).isEqualTo("GHSA-35jh-r3h4-6jhm");
        assertThat(SecurityIds.isAdvisory("js/xss")).isFalse();
        assertThat(SecurityIds.advisoriesIn("https://github.com/advisories/GHSA-35jh-r3h4-6jhm"))
                .containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(SecurityIds.advisoriesIn("CVE-2021-23337-lodash")).containsExactly("CVE-2021-23337");
    }

    @Test
    void shouldReadPackageUrls() {
        assertThat(PackageUrls.component("pkg:maven/org.apache.commons/commons-text@1.9"))
                .isEqualTo(Component.of("pkg:maven/org.apache.commons/commons-text@1.9", "org.apache.commons:commons-text", "1.9", "Maven"));
        assertThat(PackageUrls.component("pkg:npm/%40babel/traverse@7.23.0?x=y#sub").name()).isEqualTo("@babel/traverse");
        assertThat(PackageUrls.component("pkg:deb/debian/tar@1.34%2Bdfsg-1.2?distro=debian-12").version())
                .isEqualTo("1.34+dfsg-1.2");
        assertThat(PackageUrls.component("cpe:2.3:a:x")).isNull();
        assertThat(PackageUrls.component("pkg:npm")).isNull();
        assertThat(FindingMerger.packageKey("org.apache.commons:commons-text")).isEqualTo("commons-text");
        assertThat(FindingMerger.packageKey("@babel/Traverse")).isEqualTo("traverse");
    }

    @Test
    void shouldClipTextAndReduceHtml() {
        assertThat(PlainText.clip("  a \n\t b  ", 10)).isEqualTo("a b");
        assertThat(PlainText.clip("abcdefghijkl", 5)).isEqualTo("abcd…");
        assertThat(PlainText.clip(" \n ", 5)).isNull();
        assertThat(PlainText.fromHtml("<p>Use &lt;b&gt; &amp; <a href='x'>escape</a></p>", 100)).isEqualTo("Use <b> & escape");
    }
}
