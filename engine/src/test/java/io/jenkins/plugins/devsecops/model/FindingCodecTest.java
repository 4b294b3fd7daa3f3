package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FindingCodecTest {

    private static final String UNICODE = "é ü \u0000 \u4e2d\u6587 \ud83d\udd11 lone \ud800 and \udfff end";

    /** A finding with every field set, the component's properties and a data-flow trace included. */
    static Finding everyField(String text, int i) {
        Map<String, String> componentProperties = new LinkedHashMap<>();
        componentProperties.put("layer", "sha256:" + i);
        componentProperties.put("image", text);
        componentProperties.put("empty", "");
        return Finding.builder().ruleId("java.sql-injection-" + i).stage("sast").severity(Severity.HIGH)
                .title("SQL injection " + text).message(text).confidence(Confidence.MEDIUM)
                .location(new Location("src/main/java/" + text + ".java", 12, 3, 14, 9, text))
                .component(new Component("pkg:maven/g/a@1." + i, "a", "1." + i, "maven", Boolean.FALSE,
                        List.of("app", "a", text), Map.of("SHA-256", "ab", "SHA-1", text), List.of("pkg:maven/g/b@2"),
                        "test", "pom.xml", componentProperties))
                .identifier("CVE-2024-" + i).identifier(text).cwe("CWE-89").cwe("CWE-20")
                .cvss(new Cvss("3.1", 9.8, "CVSS:3.1/AV:N")).remediation("Use a prepared statement " + text)
                .fixedVersion("2.0").tool(new ToolInfo("DevSecOps Scan", "0.1.0")).tool(new ToolInfo("tool " + text, null))
                .fingerprint("fp-" + i).property("history.status", "NEW").property("zeta", text)
                .property("alpha", "")
                .trace(List.of(new TraceStep(new Location("A.java", 3, 1, 3, 20, "req.getParameter(\"q\")"),
                                "source: " + text),
                        new TraceStep(new Location("t/" + text, 0, 0, 0, 0, null), ""),
                        new TraceStep(new Location("B.java", 9, 2, 9, 30, text), "sink: Statement.execute")))
                .suppression(new Suppression("rule-path", text, "team", LocalDate.of(2027, 2, 28), "s.yaml:3"))
                .build();
    }

    private static List<Finding> roundTrip(List<Finding> findings) {
        FindingCodec.Output out = new FindingCodec.Output();
        findings.forEach(finding -> FindingCodec.encode(finding, out));
        FindingCodec.Input in = new FindingCodec.Input(java.util.Arrays.copyOf(out.bytes(), out.size()), 0);
        List<Finding> decoded = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            decoded.add(FindingCodec.decode(in));
        }
        assertThat(in.position()).as("every byte read").isEqualTo(out.size());
        return decoded;
    }

    @Test
    void shouldDecodeEveryFieldEqualWithEmptyUnicodeAndHugeText() {
        String huge = "x".repeat(300_000) + UNICODE + "y".repeat(70_000);
        List<Finding> findings = List.of(everyField("plain", 1), everyField(UNICODE, 2), everyField("", 3),
                everyField(huge, 4), everyField("é", 5), everyField("plain", 1));

        List<Finding> decoded = roundTrip(findings);

        assertThat(decoded).isEqualTo(findings);
        assertThat(decoded.get(1).trace()).hasSize(3);
        assertThat(decoded.get(1).component().properties()).containsEntry("image", UNICODE);
        assertThat(decoded.get(3).message()).isEqualTo(huge);
        assertThat(decoded.get(2).title()).isEqualTo("SQL injection ");
        assertThat(decoded.get(0).properties().keySet()).containsExactly("alpha", "history.status", "zeta");
    }

    @Test
    void shouldDecodeAMinimalFindingWithNullsAndEmptyCollections() {
        Finding minimal = Finding.builder().ruleId("r").stage("iac").severity(Severity.LOW).title("t").build();

        Finding decoded = roundTrip(List.of(minimal)).get(0);

        assertThat(decoded).isEqualTo(minimal);
        assertThat(decoded.message()).isNull();
        assertThat(decoded.location()).isNull();
        assertThat(decoded.trace()).isEmpty();
        assertThat(decoded.properties()).isEmpty();
    }

    @Test
    void shouldShareRepeatedTextAndKeepStringsOfTheSameHashApart() {
        // "Aa" and "BB" have the same hash: they land in the same slot and must not be taken for each other
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String rule = i % 2 == 0 ? "Aa" : "BB";
            findings.add(Finding.builder().ruleId(rule).stage("secrets").severity(Severity.HIGH).title("T " + rule)
                    .location(new Location("same/path.txt", i, 0, i, 0, null)).build());
        }

        List<Finding> decoded = roundTrip(findings);

        assertThat(decoded).isEqualTo(findings);
        assertThat(decoded.get(0).location().path()).isSameAs(decoded.get(5).location().path());
        assertThat(decoded.get(0).stage()).isSameAs(decoded.get(3).stage());
    }

    @Test
    void shouldKeepTracesAndComponentPropertiesOfSpilledFindings() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            findings.add(everyField(i % 3 == 0 ? UNICODE : "text " + i, i));
        }

        List<Finding> spilled = FindingList.builder(0).addAll(findings).build();

        assertThat(FindingList.isSpilled(spilled)).isTrue();
        assertThat(spilled).isEqualTo(findings);
        for (int i = 299; i >= 0; i -= 7) {
            assertThat(spilled.get(i)).isEqualTo(findings.get(i));
            assertThat(spilled.get(i)).isEqualTo(findings.get(i));
        }
    }

    @Test
    void shouldSortPropertiesByNaturalOrderWhateverTheGivenMapsOrderAndKeepThemImmutable() {
        Map<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put("a", "1");
        reversed.put("c", "3");
        reversed.put("b", "2");

        Finding finding = Finding.builder().ruleId("r").stage("iac").severity(Severity.LOW).title("t").build();
        Finding withProperties = new Finding(finding.ruleId(), finding.stage(), finding.severity(), finding.title(),
                null, null, null, List.of("X", "Y", "X"), List.of("CWE-1"), null, null, null, null, null, null,
                reversed, null);

        assertThat(withProperties.properties().keySet()).containsExactly("a", "b", "c");
        assertThat(withProperties.identifiers()).containsExactly("X", "Y");
        assertThatThrownBy(() -> withProperties.properties().put("d", "4"))
                .isInstanceOf(UnsupportedOperationException.class);
        reversed.put("d", "4");
        assertThat(withProperties.properties()).doesNotContainKey("d");
    }

    @Test
    void shouldKeepApartAsciiTextsThatDifferOnlyWhereTheSlotIsNotTaken() {
        // same length, same ends and middle: only the bytes the slot does not read differ
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            char a = (char) ('a' + i % 20);
            String path = "src/main/" + a + "x" + a + "/middle-part-of-the-path/" + (char) ('A' + i % 7) + "/File.java";
            findings.add(Finding.builder().ruleId("rule").stage("iac").severity(Severity.LOW).title("t " + a)
                    .location(new Location(path, i, 0, i, 0, "x" + a + "x")).property("resource", "Secret/" + a + "-name")
                    .property("attribute", "data." + (char) ('k' + i % 9) + "ey").build());
        }

        List<Finding> decoded = roundTrip(findings);

        assertThat(decoded).isEqualTo(findings);
        assertThat(decoded.get(0).ruleId()).isSameAs(decoded.get(39).ruleId());
        assertThat(decoded.get(20).properties()).isEqualTo(findings.get(20).properties())
                .isInstanceOf(java.util.SortedMap.class);
    }
}
