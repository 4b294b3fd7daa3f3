package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void shouldReadWhatInstantWritesAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(3);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(first),
                Instant.ofEpochSecond(end, 999_999_999), Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2026-12-03T19:03:04.298Z")));
        for (int i = 0; i < 50_000; i++) {
            long second = random.nextLong(first, end);
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                case 3 -> random.nextInt(1_000_000_000);
                default -> random.nextInt(10) * 100_000_000;
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        for (Instant instant : instants) {
            String text = instant.toString();
            assertThat(InstantText.canonical(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
            assertThat(FindingHistory.parseInstant(text)).contains(instant);
        }
    }

    @Test
    void shouldLeaveOtherShapesToInstantParseAndNeverReadThemDifferently() {
        for (String text : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.12Z", "2026-01-01T00:00:00.1234Z",
                "2026-01-01T00:00:00+01:00", "2026-01-01t00:00:00z", "2026-01-01T00:00Z", "+12026-01-01T00:00:00Z",
                "-2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000000000Z", "2026-1-01T00:00:00.000Z",
                "20260101T000000Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:0xZ", "", "Z", "not a time",
                "2026-01-01T00:00:00.-12Z", "٢٠٢٦-01-01T00:00:00Z")) {
            Instant parsed;
            try {
                parsed = Instant.parse(text);
            } catch (DateTimeParseException e) {
                parsed = null;
            }
            Instant canonical = InstantText.canonical(text);
            if (canonical != null) {
                assertThat(canonical).as(text).isEqualTo(parsed);
            }
            assertThat(FindingHistory.parseInstant(text).orElse(null)).as(text).isEqualTo(parsed);
        }
    }

    @Test
    void shouldReadFractionsOfEveryLengthAsInstantParseDoes() {
        String digits = "123456789";
        for (int length = 1; length <= 9; length++) {
            String text = "2024-02-29T23:59:59." + digits.substring(0, length) + "Z";
            assertThat(InstantText.canonical(text)).as(text).isNotNull().isEqualTo(Instant.parse(text));
        }
    }
}
