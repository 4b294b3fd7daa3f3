package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
