package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.databind.util.StdDateFormat;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;

/**
 * The UTC times the reports write, in the formats of the libraries that wrote them first: the SARIF mapper's
 * {@link StdDateFormat} ({@code 2026-12-03T19:03:04.298+00:00}) and CycloneDX's {@link SimpleDateFormat}
 * ({@code 2026-12-03T19:03:04Z}). Both are built on a {@code GregorianCalendar} and cost a few milliseconds of set-up
 * (calendars, locale data) at their first use in a process; a time in the years 1600 to 9999, where that calendar and
 * {@code java.time} agree digit for digit, is written here from {@code java.time}'s fields, any other by the library
 * format itself (the Julian calendar before 1582, years of five digits, eras). {@code UtcTimestampsTest} holds the two
 * equal.
 */
public final class UtcTimestamps {

    private static final long FIRST = LocalDateTime.of(1600, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long END = LocalDateTime.of(10000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    private UtcTimestamps() {
    }

    /** {@code date} as the SARIF mapper writes it: {@link StdDateFormat} in UTC with a colon in the offset. */
    public static String sarif(Date date) {
        long millis = date.getTime();
        if (millis < FIRST || millis >= END) {
            DateFormat format = new StdDateFormat().withTimeZone(TimeZone.getTimeZone("UTC")).withColonInTimeZone(true);
            return format.format(date);
        }
        StringBuilder text = new StringBuilder(29);
        dateAndTime(text, millis);
        text.append('.');
        pad(text, (int) Math.floorMod(millis, 1000L), 3);
        return text.append("+00:00").toString();
    }

    /** {@code instant} as CycloneDX writes it: {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in UTC, milliseconds dropped. */
    public static String cycloneDx(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis < FIRST || millis >= END) {
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format.format(Date.from(instant));
        }
        StringBuilder text = new StringBuilder(20);
        dateAndTime(text, millis);
        return text.append('Z').toString();
    }

    private static void dateAndTime(StringBuilder text, long millis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        pad(text, time.getYear(), 4);
        text.append('-');
        pad(text, time.getMonthValue(), 2);
        text.append('-');
        pad(text, time.getDayOfMonth(), 2);
        text.append('T');
        pad(text, time.getHour(), 2);
        text.append(':');
        pad(text, time.getMinute(), 2);
        text.append(':');
        pad(text, time.getSecond(), 2);
    }

    private static void pad(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        text.append(number);
    }
}
