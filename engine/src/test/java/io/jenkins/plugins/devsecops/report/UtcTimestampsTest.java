package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.util.StdDateFormat;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    /** Instants around the edges of the written-here range, of the calendar and of the epoch, and random ones. */
    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.ofEpochMilli(1),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("1599-12-31T23:59:59.999Z"),
                Instant.parse("1600-01-01T00:00:00Z"), Instant.parse("1582-10-04T12:00:00Z"),
                Instant.parse("1582-10-15T00:00:00Z"), Instant.parse("1000-06-01T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("-0044-03-15T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("+12345-06-07T08:09:10.011Z"), Instant.parse("2000-02-29T23:59:59.5Z"),
                Instant.parse("2026-12-03T19:03:04.298Z"), Instant.parse("2100-03-01T00:00:00.001Z"),
                Instant.parse("2024-02-29T00:00:00.010Z")));
        SplittableRandom random = new SplittableRandom(16);
        long first = Instant.parse("1500-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("+10100-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochMilli(random.nextLong(first, last)));
        }
        return instants;
    }

    @Test
    void shouldWriteSarifTimesAsTheMappersDateFormat() {
        DateFormat library = new StdDateFormat().withTimeZone(TimeZone.getTimeZone("UTC")).withColonInTimeZone(true);
        for (Instant instant : instants()) {
            Date date = Date.from(instant);
            assertThat(UtcTimestamps.sarif(date)).as(instant.toString()).isEqualTo(library.format(date));
        }
        assertThat(UtcTimestamps.sarif(Date.from(Instant.parse("2026-12-03T19:03:04.298Z"))))
                .isEqualTo("2026-12-03T19:03:04.298+00:00");
    }

    @Test
    void shouldWriteCycloneDxTimesAsItsSimpleDateFormat() {
        SimpleDateFormat library = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
        library.setTimeZone(TimeZone.getTimeZone("UTC"));
        for (Instant instant : instants()) {
            assertThat(UtcTimestamps.cycloneDx(instant)).as(instant.toString())
                    .isEqualTo(library.format(Date.from(instant)));
        }
        assertThat(UtcTimestamps.cycloneDx(Instant.parse("2026-12-03T19:03:04.998Z"))).isEqualTo("2026-12-03T19:03:04Z");
    }
}
