package io.jenkins.plugins.devsecops.dependencies.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxReportWriterTest {

    private static String write(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Report.Builder report() {
        return Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.parse("2026-11-23T10:00:00Z"))
                .root("/work/shop");
    }

    @Test
    void shouldWriteAValidSbomOfAReportWithoutInventory() throws Exception {
        String json = write(report().build());

        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = new JsonParser().parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo("shop");
        assertThat(bom.getMetadata().getToolChoice().getComponents()).singleElement()
                .satisfies(tool -> assertThat(tool.getName()).isEqualTo("DevSecOps Scan"));
    }

    @Test
    void shouldAddComponentsOfImportedFindingsAndLeaveSuppressedOnesOut() throws Exception {
        // Given a finding of another stage (an imported report) whose component is not in the inventory,
        // a suppressed finding, and an inventory component with a graph and hostile text
        Component imported = new Component("pkg:maven/org.apache.commons/commons-text@1.9", "org.apache.commons:commons-text",
                "1.9", "Maven", null, List.of());
        Finding text4shell = Finding.builder().ruleId("CVE-2022-42889").stage("import").severity(Severity.CRITICAL)
                .title("Text4Shell").component(imported).cwe("CWE-94")
                .cvss(new Cvss("3.1", 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).build();
        Component lodash = new Component("pkg:npm/lodash@4.17.20", "lodash", "4.17.20", "npm", true, List.of("lodash"),
                java.util.Map.of("SHA-512", "ab".repeat(64), "SHA-1", "not-hex</script>"), List.of("pkg:npm/missing@1.0.0"),
                "dev", "package-lock.json");
        Finding suppressed = Finding.builder().ruleId("CVE-2021-23337").stage("dependencies").severity(Severity.HIGH)
                .title("lodash <script>").component(lodash)
                .suppression(new Suppression("advisory", "not used", "me", LocalDate.of(2027, 1, 1), "x.yaml:1")).build();

        // When
        String json = write(report().components(List.of(lodash)).finding(text4shell).finding(suppressed).build());

        // Then
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = new JsonParser().parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getComponents()).extracting(org.cyclonedx.model.Component::getPurl)
                .containsExactly("pkg:npm/lodash@4.17.20", "pkg:maven/org.apache.commons/commons-text@1.9");
        assertThat(bom.getComponents().get(0).getHashes()).singleElement()
                .satisfies(hash -> assertThat(hash.getAlgorithm()).isEqualTo("SHA-512"));
        assertThat(bom.getComponents().get(0).getScope()).isEqualTo(org.cyclonedx.model.Component.Scope.OPTIONAL);
        assertThat(bom.getComponents().get(1).getGroup()).isEqualTo("org.apache.commons");
        assertThat(bom.getVulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.getId()).isEqualTo("CVE-2022-42889");
            assertThat(v.getCwes()).containsExactly(94);
            assertThat(v.getRatings().get(0).getScore()).isEqualTo(9.8);
            assertThat(v.getAffects()).singleElement().satisfies(
                    a -> assertThat(a.getRef()).isEqualTo("pkg:maven/org.apache.commons/commons-text@1.9"));
        });
        assertThat(bom.getDependencies().stream().filter(d -> d.getRef().equals("pkg:npm/lodash@4.17.20")).findFirst()
                .orElseThrow().getDependencies()).as("edges to unknown components are left out").isNullOrEmpty();
    }

    @Test
    void shouldRateAnImportedScoreWithoutAVersionAsOther() throws Exception {
        // Given an imported vulnerable package whose tool gave a score but neither a CVSS version nor a vector
        Component imported = new Component("pkg:npm/minimist@1.2.0", "minimist", "1.2.0", "npm", null, List.of());
        Finding finding = Finding.builder().ruleId("CVE-2021-44906").stage("import").severity(Severity.CRITICAL)
                .title("Prototype pollution").component(imported).cvss(new Cvss(null, 9.8, null)).build();

        // When
        String json = write(report().finding(finding).build());

        // Then the SBOM is written, valid, with the score and the method OTHER
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = new JsonParser().parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.getVulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.getRatings().get(0).getScore()).isEqualTo(9.8);
            assertThat(v.getRatings().get(0).getMethod()).isEqualTo(org.cyclonedx.model.vulnerability.Vulnerability.Rating.Method.OTHER);
        });
    }
}
