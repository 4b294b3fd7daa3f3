package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoundSecretsTest {

    @Test
    void shouldMaskAValueInAWarningAndLeaveOtherTextAlone() {
        FoundSecrets secrets = new FoundSecrets();
        secrets.add("Zx9kQ2mW7pL4vN8r");
        secrets.add("short"); // below the minimum length: not collected

        StageResult redacted = secrets.redact(stage(List.of("token Zx9kQ2mW7pL4vN8r in a/Zx9kQ2mW7pL4vN8r.txt",
                "a short word", "nothing here")));

        assertThat(redacted.warnings()).containsExactly("token **** in a/****.txt", "a short word", "nothing here");
    }

    @Test
    void shouldMaskTheLongestValueWholeWhenOneContainsAnother() {
        FoundSecrets secrets = new FoundSecrets();
        secrets.add("abcdefgh");
        secrets.add("xxabcdefghyy");

        assertThat(secrets.redact(stage(List.of("=xxabcdefghyy= and =abcdefgh="))).warnings())
                .containsExactly("=****= and =****=");
    }

    /**
     * A found value is masked in every text a finding carries about a place, in memory and spilled to disk: the
     * trace's steps (paths, snippets, messages), the remediation, the component's source file and properties, and the
     * report's components; the fields that name things are kept.
     */
    @Test
    void shouldMaskAValueInTracesRemediationsAndComponents() {
        String value = "Zx9kQ2mW7pL4vN8r";
        FoundSecrets secrets = new FoundSecrets();
        secrets.add(value);
        Component component = new Component("pkg:npm/left-pad@1.3.0", "left-pad", "1.3.0", "npm", true, List.of(),
                Map.of(), List.of(), null, "deploy-" + value + "/package-lock.json",
                Map.of("layerInstruction", "RUN echo token=" + value));
        Finding flow = Finding.builder().ruleId("java-command-injection").stage("sast").severity(Severity.HIGH)
                .title("Command injection").message("a request parameter reaches Runtime.exec")
                .location(new Location("src/App.java", 12, 0, 12, 0, null))
                .remediation("Remove the key " + value + " and validate the input")
                .trace(List.of(new TraceStep(new Location("src/" + value + "/Keys.java", 3, 0, 3, 0,
                        "String key = \"" + value + "\";"), "key = \"" + value + "\""),
                        new TraceStep(new Location("src/App.java", 12, 0, 12, 0, null), "Runtime.exec(command)")))
                .fingerprint("f1").build();
        Finding vulnerable = Finding.builder().ruleId("GHSA-xxxx-yyyy-zzzz").stage("dependencies")
                .severity(Severity.MEDIUM).title("left-pad: a flaw").component(component).identifier("CVE-2026-1")
                .fingerprint("f2").build();
        Finding untouched = Finding.builder().ruleId("aws-access-key-id").stage("secrets").severity(Severity.LOW)
                .title("Nothing to mask").location(new Location("a.txt", 1, 1, 1, 2, "x")).fingerprint("f3").build();

        for (int memoryLimit : new int[] {1_000, 0}) {
            FindingList.Builder findings = FindingList.builder(memoryLimit);
            findings.add(flow).add(vulnerable).add(untouched);
            Report report = Report.builder(new ToolInfo("devsecops", "test"), Instant.EPOCH)
                    .findings(findings.build()).components(List.of(component)).build();

            Report redacted = secrets.redact(report);

            Finding maskedFlow = redacted.findings().get(0);
            assertThat(maskedFlow.remediation()).isEqualTo("Remove the key **** and validate the input");
            TraceStep first = maskedFlow.trace().get(0);
            assertThat(first.location().path()).isEqualTo("src/****/Keys.java");
            assertThat(first.location().snippet()).isEqualTo("String key = \"****\";");
            assertThat(first.message()).isEqualTo("key = \"****\"");
            assertThat(maskedFlow.trace().get(1)).isEqualTo(flow.trace().get(1));
            Component maskedComponent = redacted.findings().get(1).component();
            assertThat(maskedComponent.sourceFile()).isEqualTo("deploy-****/package-lock.json");
            assertThat(maskedComponent.properties()).containsEntry("layerInstruction", "RUN echo token=****");
            assertThat(maskedComponent.purl()).isEqualTo(component.purl());
            assertThat(redacted.findings().get(1).identifiers()).containsExactly("CVE-2026-1");
            assertThat(redacted.components()).containsExactly(maskedComponent);
            assertThat(redacted.findings().get(2)).isEqualTo(untouched);
            assertThat(redacted.findings().toString()).doesNotContain(value);
        }
    }

    /** Texts made of fragments of the values, partial prefixes, stars and noise: the same as replacing in turn. */
    @Test
    void shouldGiveTheSameTextAsReplacingEveryValueInTurn() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            // lengths all different: values of one length are masked in no defined order
            List<Integer> lengths = new ArrayList<>();
            for (int length = 8; length < 60; length++) {
                lengths.add(length);
            }
            java.util.Collections.shuffle(lengths, random);
            List<String> values = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(30); v++) {
                values.add(word(random, lengths.remove(0)));
            }
            if (random.nextBoolean()) {
                values.add("**ab**cd" + word(random, lengths.remove(0) - 8)); // a value a mask could complete
            }
            String inside = values.get(0) + "Q";
            if (random.nextBoolean() && lengths.contains(inside.length())) {
                values.add(inside); // one value inside another
            }
            FoundSecrets secrets = new FoundSecrets();
            values.forEach(secrets::add);
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < random.nextInt(120)) {
                    String value = values.get(random.nextInt(values.size()));
                    switch (random.nextInt(4)) {
                        case 0 -> text.append(value);
                        case 1 -> text.append(value, 0, 1 + random.nextInt(value.length() - 1));
                        case 2 -> text.append("**");
                        default -> text.append(word(random, 1 + random.nextInt(6)));
                    }
                }
                texts.add(text.toString());
            }

            assertThat(secrets.redact(stage(texts)).warnings()).containsExactlyElementsOf(naive(values, texts));
        }
    }

    private static List<String> naive(List<String> values, List<String> texts) {
        List<String> ordered = values.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            String result = text;
            for (String value : ordered) {
                result = result.replace(value, FoundSecrets.MASK);
            }
            out.add(result);
        }
        return out;
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append("abcd*xyz/é".charAt(random.nextInt(10)));
        }
        return word.toString();
    }

    private static StageResult stage(List<String> warnings) {
        StageResult.Builder builder = StageResult.builder("secrets").status(StageStatus.COMPLETED);
        warnings.forEach(builder::warning);
        return builder.build();
    }
}
