package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heads read from stored records, the sort on them and the search of stored records for texts give what the decoded
 * findings give, for findings with every field set and text from every corner of UTF-16.
 */
class FindingHeadTest {

    @AfterEach
    void restore() {
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
    }

    @Test
    void shouldReadEveryHeadFromTheStoredRecordAsTheDecodedFindingsHead() {
        List<Finding> findings = FindingListTest.randomFindings(3_000, 11);
        List<Finding> spilled = FindingList.builder(100).addAll(findings).build();

        List<FindingHead> heads = new ArrayList<>();
        FindingList.heads(spilled).forEachRemaining(heads::add);

        assertThat(FindingList.isSpilled(spilled)).isTrue();
        assertThat(heads).containsExactlyElementsOf(findings.stream().map(FindingHead::of).toList());
        assertThat(heads).anyMatch(head -> head.path() == null).anyMatch(FindingHead::hasComponent)
                .anyMatch(head -> head.path() != null && !head.path().chars().allMatch(c -> c < 0x80));
    }

    @Test
    void shouldSortByHeadsInTheReportOrderOfTheFindingsStably() {
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "300");
        List<Finding> findings = FindingListTest.randomFindings(5_000, 12);
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(Comparator.comparing(FindingHead::of, FindingHead.REPORT_ORDER));

        List<Finding> sorted = FindingList.sortedByHead(FindingList.copyOf(findings), FindingHead.REPORT_ORDER);

        assertThat(FindingList.isSpilled(sorted)).isTrue();
        assertThat(sorted).containsExactlyElementsOf(expected);
        // ties (same severity, path, line, rule and fingerprint) keep their order: the sort is stable
        assertThat(Set.copyOf(findings.stream().map(FindingHead::of).toList())).hasSizeLessThan(findings.size());
        List<Finding> few = new ArrayList<>(findings.subList(0, 200));
        List<Finding> fewSorted = FindingList.sortedByHead(List.copyOf(few), FindingHead.REPORT_ORDER);
        few.sort(Comparator.comparing(FindingHead::of, FindingHead.REPORT_ORDER));
        assertThat(fewSorted).containsExactlyElementsOf(few);
    }

    /**
     * Texts cut from every kind of field of some findings (ASCII or not, NUL, 2- and 3-byte characters, lone
     * surrogates, pairs): a spilled list gives each finding that holds one to the mapping, as the in-memory map does.
     */
    @Test
    void shouldGiveEveryFindingThatHoldsATextToTheMappingAndMoveTheOthers() {
        List<Finding> findings = FindingListTest.randomFindings(4_000, 13);
        Random random = new Random(13);
        List<String> texts = new ArrayList<>();
        while (texts.size() < 60) {
            Finding finding = findings.get(random.nextInt(findings.size()));
            // free texts (not the keys and tool names every finding shares)
            List<String> fields = Stream.concat(Stream.of(finding.title(), finding.message(), finding.remediation(),
                    finding.location() == null ? null : finding.location().path(),
                    finding.location() == null ? null : finding.location().snippet()),
                    finding.properties().values().stream())
                    .filter(text -> text != null && text.length() >= 10).toList();
            if (!fields.isEmpty()) {
                String field = fields.get(random.nextInt(fields.size()));
                int from = random.nextInt(field.length() - 8);
                texts.add(field.substring(from, from + 8 + random.nextInt(field.length() - from - 7)));
            }
        }
        texts.add("\uD83D\uDD11 key-\u00E9\u4E2D\u0000z"); // in no finding
        assertThat(texts).anyMatch(text -> text.chars().anyMatch(c -> c >= 0x800))
                .anyMatch(text -> text.chars().anyMatch(c -> c == 0));
        Set<Finding> given = ConcurrentHashMap.newKeySet();
        java.util.function.UnaryOperator<Finding> mask = finding -> {
            given.add(finding);
            return strings(finding).anyMatch(field -> texts.stream().anyMatch(field::contains))
                    ? finding.toBuilder().title("masked").property("masked", "yes").build() : finding;
        };
        List<Finding> expected = FindingList.map(List.copyOf(findings), mask);
        given.clear();

        List<Finding> mapped = FindingList.mapMentioning(FindingList.builder(100).addAll(findings).build(), texts,
                mask);

        assertThat(FindingList.isSpilled(mapped)).isTrue();
        assertThat(mapped).containsExactlyElementsOf(expected);
        long holding = findings.stream().filter(f -> strings(f).anyMatch(s -> texts.stream().anyMatch(s::contains)))
                .count();
        assertThat(holding).isGreaterThanOrEqualTo(30);
        assertThat(given.size()).as("only the findings whose records hold a text are decoded")
                .isGreaterThanOrEqualTo((int) holding).isLessThan(findings.size() / 4);
    }

    @Test
    void shouldGiveEveryFindingToTheMappingWhenATextIsTooShortToSearch() {
        List<Finding> findings = FindingListTest.randomFindings(500, 14);
        List<Finding> spilled = FindingList.builder(100).addAll(findings).build();
        List<Finding> given = new ArrayList<>();

        FindingList.mapMentioning(spilled, List.of("short", "long enough text"), finding -> {
            given.add(finding);
            return finding;
        });

        assertThat(given).containsExactlyElementsOf(findings);
    }

    /** Every string a finding carries. */
    private static Stream<String> strings(Finding finding) {
        List<String> all = new ArrayList<>(List.of(finding.ruleId(), finding.stage(), finding.title()));
        all.add(finding.message());
        all.add(finding.remediation());
        all.add(finding.fixedVersion());
        all.add(finding.fingerprint());
        if (finding.location() != null) {
            all.add(finding.location().path());
            all.add(finding.location().snippet());
        }
        if (finding.component() != null) {
            all.add(finding.component().purl());
            all.add(finding.component().name());
        }
        all.addAll(finding.identifiers());
        all.addAll(finding.cwes());
        for (Map.Entry<String, String> entry : finding.properties().entrySet()) {
            all.add(entry.getKey());
            all.add(entry.getValue());
        }
        if (finding.suppression() != null) {
            all.add(finding.suppression().reason());
        }
        return all.stream().filter(Objects::nonNull);
    }
}
