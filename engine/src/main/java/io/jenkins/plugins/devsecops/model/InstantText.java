package io.jenkins.plugins.devsecops.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An instant read back from the text {@link Instant#toString} writes for the years 0000 to 9999 ({@code
 * 2026-12-03T19:03:04.298Z}: no fraction, or one of 1 to 9 digits) without a {@code DateTimeFormatter}, whose parse
 * costs tens of milliseconds per thousand values in a fresh JVM. Reports, summaries and the history write that shape.
 */
public final class InstantText {

    private InstantText() {
    }

    /**
     * The instant {@code text} names, as {@link Instant#parse} reads it, or {@code null} when it has another shape or
     * a field out of range (then the caller asks {@link Instant#parse}).
     */
    public static Instant canonical(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        for (int digits = length - 21; digits > 0 && digits < 9; digits++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code text}'s characters {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
