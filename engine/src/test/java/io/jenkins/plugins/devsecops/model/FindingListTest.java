package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingListTest {

    @TempDir
    Path spillDirectory;

    @AfterEach
    void restore() {
        System.clearProperty("devsecops.spill.dir");
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
    }

    /** Findings with every field set, text from every corner of UTF-16 (lone surrogates, NUL, 3-byte chars). */
    static List<Finding> randomFindings(int count, long seed) {
        return randomFindings(count, seed, false);
    }

    static List<Finding> randomFindings(int count, long seed, boolean plain) {
        Random random = new Random(seed) {
            @Override
            public int nextInt(int bound) {
                // plain text: no NUL, non-ASCII or lone surrogate (JSON carries those only as escapes)
                return plain && bound == 10 ? 4 + super.nextInt(6) : super.nextInt(bound);
            }
        };
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Finding.Builder builder = Finding.builder().ruleId("rule-" + random.nextInt(40))
                    .stage(random.nextBoolean() ? "secrets" : "iac")
                    .severity(Severity.values()[random.nextInt(Severity.values().length)])
                    .title("Title " + text(random)).message(random.nextInt(4) == 0 ? null : text(random))
                    .confidence(Confidence.values()[random.nextInt(3)]).fingerprint("fp-" + random.nextInt(500))
                    .remediation(random.nextBoolean() ? text(random) : null);
            if (random.nextInt(5) > 0) {
                builder.location(new Location("dir/" + text(random) + ".tf", random.nextInt(900),
                        random.nextInt(80), random.nextInt(900), random.nextInt(80),
                        random.nextBoolean() ? text(random) : null));
            }
            if (random.nextInt(3) == 0) {
                builder.component(new Component("pkg:npm/p" + i + "@1.0." + i, "p" + i, "1.0." + i, "npm",
                        random.nextInt(3) == 0 ? null : random.nextBoolean(), List.of("app", "p" + i),
                        Map.of("SHA-256", "ab" + i), List.of("pkg:npm/q@2"), random.nextBoolean() ? "runtime" : null,
                        "package-lock.json"));
                builder.identifier("CVE-2024-" + i).identifier("GHSA-" + i).fixedVersion("1.1." + i);
                builder.cvss(new Cvss("3.1", random.nextInt(101) / 10.0, "CVSS:3.1/AV:N"));
            }
            builder.cwe("CWE-" + random.nextInt(900)).tool(new ToolInfo("DevSecOps Scan", "0.1.0"));
            if (random.nextInt(4) == 0) {
                builder.tool(new ToolInfo("Trivy", random.nextBoolean() ? null : "0.57.1"));
            }
            builder.property("history.status", "NEW").property("k" + random.nextInt(9), text(random));
            if (random.nextInt(6) == 0) {
                builder.suppression(new Suppression("rule-path", text(random), random.nextBoolean() ? "team" : null,
                        random.nextBoolean() ? LocalDate.of(2027, 1, 1 + random.nextInt(28)) : null, "s.yaml:3"));
            }
            findings.add(builder.build());
        }
        return findings;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(switch (kind) {
                case 0 -> '\u0000';
                case 1 -> (char) (0x80 + random.nextInt(0x780));
                case 2 -> (char) (0x800 + random.nextInt(0xD000));
                case 3 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    @Test
    void shouldGiveBackEveryFindingEqualFromTheSpillFile() {
        System.setProperty("devsecops.spill.dir", spillDirectory.toString());
        List<Finding> findings = randomFindings(3_000, 1);

        List<Finding> spilled = FindingList.builder(100).addAll(findings).build();

        assertThat(FindingList.isSpilled(spilled)).isTrue();
        assertThat(spilled).hasSize(3_000).containsExactlyElementsOf(findings);
        assertThat(spilled.get(2_999)).isEqualTo(findings.get(2_999));
        assertThat(spilled.get(17)).isEqualTo(findings.get(17));
        assertThat(spilled.stream().map(Finding::ruleId).toList())
                .isEqualTo(findings.stream().map(Finding::ruleId).toList());
        assertThat(spilled.subList(10, 20)).isEqualTo(findings.subList(10, 20));
    }

    @Test
    void shouldReadScatteredFindingsOneRecordAtATime() {
        // Given
        List<Finding> findings = randomFindings(2_000, 11);
        List<Finding> spilled = FindingList.builder(0).addAll(findings).build();
        java.util.Iterator<Finding> inOrder = spilled.iterator();

        // When read scattered, between reads in order, and from a list in memory
        for (int step = 0; step < 2_000; step++) {
            int index = (int) ((step * 7_919L) % 2_000);
            assertThat(FindingList.readOne(spilled, index)).isEqualTo(findings.get(index));
            assertThat(inOrder.next()).isEqualTo(findings.get(step));
        }

        // Then
        assertThat(FindingList.readOne(findings, 5)).isSameAs(findings.get(5));
    }

    @Test
    void shouldLeaveNoFileBehindInTheSpillDirectory() throws IOException {
        System.setProperty("devsecops.spill.dir", spillDirectory.toString());

        List<Finding> spilled = FindingList.builder(0).addAll(randomFindings(50, 2)).build();

        assertThat(spilled).hasSize(50);
        try (Stream<Path> files = Files.list(spillDirectory)) {
            assertThat(files).as("unlinked as soon as open").isEmpty();
        }
    }

    @Test
    void shouldKeepSmallListsInMemory() {
        List<Finding> findings = randomFindings(10, 3);

        List<Finding> list = FindingList.builder(100).addAll(findings).build();

        assertThat(FindingList.isSpilled(list)).isFalse();
        assertThat(list).isEqualTo(findings);
    }

    @Test
    void shouldSortLikeAStableInMemorySort() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "300");
        List<Finding> findings = randomFindings(5_000, 4);
        Comparator<Finding> bySeverity = Comparator.comparing(Finding::severity);
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(bySeverity);

        List<Finding> sorted = FindingList.sorted(FindingList.copyOf(findings), bySeverity);

        assertThat(FindingList.isSpilled(sorted)).isTrue();
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldMapFilterAndConcatenateInOrder() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "10");
        List<Finding> first = randomFindings(200, 5);
        List<Finding> second = randomFindings(30, 6);

        List<Finding> all = FindingList.concat(List.of(FindingList.copyOf(first), second));
        List<Finding> critical = FindingList.filter(all, f -> f.severity() == Severity.CRITICAL);
        List<Finding> renamed = FindingList.map(all, f -> f.toBuilder().ruleId("x-" + f.ruleId()).build());

        List<Finding> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(critical).containsExactlyElementsOf(
                expected.stream().filter(f -> f.severity() == Severity.CRITICAL).toList());
        assertThat(renamed).extracting(Finding::ruleId)
                .containsExactlyElementsOf(expected.stream().map(f -> "x-" + f.ruleId()).toList());
    }

    @Test
    void shouldBeSerializedAsAnOrdinaryList() throws Exception {
        List<Finding> findings = randomFindings(40, 7);
        Report report = ReportJsonTest.sampleReport().toBuilder()
                .findings(FindingList.builder(0).addAll(findings).build()).build();
        assertThat(FindingList.isSpilled(report.findings())).isTrue();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        Report back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Report) in.readObject();
        }

        assertThat(FindingList.isSpilled(back.findings())).isFalse();
        assertThat(back).isEqualTo(report);
    }

    @Test
    void shouldReadAReportJsonIntoASpilledListEqualToTheDocument() throws IOException {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "5");
        ReportJson json = new ReportJson();
        Report report = ReportJsonTest.sampleReport().toBuilder().findings(randomFindings(60, 8, true)).build();

        Report back = json.fromJson(json.toJson(report));

        assertThat(FindingList.isSpilled(back.findings())).isTrue();
        assertThat(json.toJson(back)).isEqualTo(json.toJson(report));
        assertThat(back.findings()).hasSize(60);
    }

    @Test
    void shouldAddFindingsOneByOneAfterAWholeList() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "3");
        List<Finding> findings = randomFindings(12, 9);

        Report report = ReportJsonTest.sampleReport().toBuilder().findings(findings.subList(0, 10))
                .finding(findings.get(10)).finding(findings.get(11)).build();

        assertThat(report.findings()).containsExactlyElementsOf(findings);
    }

    @Test
    void shouldMoveStoredRecordsBetweenListsAsTheFindingsThemselves() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "50");
        List<Finding> findings = randomFindings(1_200, 10);
        List<Finding> spilledA = FindingList.copyOf(findings.subList(0, 700));
        List<Finding> small = List.copyOf(findings.subList(700, 730));
        List<Finding> spilledB = FindingList.builder(0).addAll(findings.subList(730, 1_200)).build();
        assertThat(FindingList.isSpilled(spilledA)).isTrue();

        // concatenated: spilled lists copied record by record, the small one encoded
        List<Finding> all = FindingList.concat(List.of(spilledA, small, spilledB));
        assertThat(FindingList.isSpilled(all)).isTrue();
        assertThat(all).containsExactlyElementsOf(findings);
        // a mapping that leaves most findings as they are, a filter, a stable sort
        List<Finding> mapped = FindingList.map(all, f -> f.severity() == Severity.LOW
                ? f.toBuilder().title("low: " + f.title()).build() : f);
        assertThat(mapped).containsExactlyElementsOf(findings.stream().map(f -> f.severity() == Severity.LOW
                ? f.toBuilder().title("low: " + f.title()).build() : f).toList());
        assertThat(FindingList.filter(all, f -> f.component() != null))
                .containsExactlyElementsOf(findings.stream().filter(f -> f.component() != null).toList());
        Comparator<Finding> order = Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId);
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(order);
        assertThat(FindingList.sorted(all, order)).containsExactlyElementsOf(expected);

        // moved one by one by index: under the limit they are decoded into memory, past it they go to the file
        FindingList.Builder builder = FindingList.builder();
        for (int i = 0; i < all.size(); i += 3) {
            builder.addFrom(all, i);
        }
        List<Finding> every3rd = builder.build();
        assertThat(FindingList.isSpilled(every3rd)).isTrue();
        assertThat(every3rd).hasSize(400);
        for (int i = 0; i < every3rd.size(); i++) {
            assertThat(every3rd.get(i)).isEqualTo(findings.get(3 * i));
        }
        FindingList.Builder few = FindingList.builder();
        few.addFrom(all, 5).addFrom(spilledB, 2, spilledB.get(2));
        assertThat(few.build()).containsExactly(findings.get(5), findings.get(732));
    }

    @Test
    void shouldAddPropertiesToStoredRecordsAsToTheDecodedFindings() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "100");
        List<Finding> findings = new ArrayList<>(randomFindings(1_500, 11));
        for (int i = 0; i < 60; i++) {
            findings.add(FindingCodecTest.everyField(i % 2 == 0 ? "plain" : "é \u0000 \ud800 \u4e2d", i));
        }
        // without a fingerprint (null or blank): the operator gives one
        findings.set(7, findings.get(7).toBuilder().fingerprint(null).build());
        findings.set(8, findings.get(8).toBuilder().fingerprint(" ").build());
        List<Finding> spilled = FindingList.copyOf(findings);
        assertThat(FindingList.isSpilled(spilled)).isTrue();
        java.util.function.UnaryOperator<Finding> fingerprinted = f -> f.toBuilder().fingerprint("given-" + f.ruleId())
                .build();
        // properties from the fingerprint: new keys, replaced ones (history.status, k3), none, a null value
        java.util.function.Function<Integer, java.util.function.Function<String, Map<String, String>>> properties =
                unused -> {
                    int[] calls = {0};
                    return fingerprint -> {
                        int call = calls[0]++;
                        Map<String, String> added = new java.util.HashMap<>();
                        if (call % 5 != 4) {
                            added.put("history.status", call % 2 == 0 ? "NEW" : "OUTSTANDING");
                            added.put("history.firstSeenAt", "2026-12-0" + (1 + call % 9) + "T00:00:00Z");
                            added.put("history.firstSeenBuild", fingerprint + "#" + call);
                            added.put("k3", "\u00e9" + call);
                            added.put("skipped", null);
                        }
                        return added;
                    };
                };
        List<Finding> expected = new ArrayList<>();
        java.util.function.Function<String, Map<String, String>> reference = properties.apply(0);
        for (Finding finding : findings) {
            Finding withPrint = finding.fingerprint() == null || finding.fingerprint().isBlank()
                    ? fingerprinted.apply(finding) : finding;
            Finding.Builder builder = withPrint.toBuilder();
            reference.apply(withPrint.fingerprint()).forEach(builder::property);
            expected.add(builder.build());
        }
        List<Finding> annotated = FindingList.withProperties(spilled, fingerprinted, properties.apply(0));
        assertThat(FindingList.isSpilled(annotated)).isTrue();
        assertThat(annotated).containsExactlyElementsOf(expected);
        // a list in memory gets the same
        assertThat(FindingList.withProperties(List.copyOf(findings.subList(0, 50)), fingerprinted, properties.apply(0)))
                .containsExactlyElementsOf(expected.subList(0, 50));
    }
}
