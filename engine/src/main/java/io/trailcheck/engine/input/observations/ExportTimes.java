package io.trailcheck.engine.input.observations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.DateTimeException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time formats audit and telemetry exports write, all read as UTC: ISO 8601 with or without zone and
 * fraction ({@code CreationTime} has neither), the Purview CSV's US-locale {@code M/d/yyyy h:mm:ss AM} and
 * {@code M/d/yyyy H:mm}, Windows PowerShell's {@code \/Date(ms)\/}, and Unix epoch seconds or milliseconds.
 */
public final class ExportTimes {
    private static final Pattern MS_DATE = Pattern.compile("/?Date\\((-?\\d+)(?:[+-]\\d{4})?\\)/?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{9,13}(?:\\.\\d+)?");
    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("M/d/yyyy h:mm[:ss] a")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter US_24H = new DateTimeFormatterBuilder()
            .appendPattern("M/d/yyyy H:mm[:ss]")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private ExportTimes() {}

    /** The instant a text denotes, or null when it is in none of the formats. */
    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.isEmpty()) return null;
        try {
            Matcher m = MS_DATE.matcher(s);
            if (m.matches()) return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
            if (EPOCH.matcher(s).matches()) return epoch(Double.parseDouble(s));
            if (s.indexOf('/') > 0) return usLocale(s);
            Instant fast = plainIso(s);
            return fast != null ? fast : iso(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Seconds or, from 13 digits on (after September 2001 in milliseconds), milliseconds. */
    public static Instant epoch(double value) {
        double abs = Math.abs(value);
        return abs >= 1e11 ? Instant.ofEpochMilli((long) value) : Instant.ofEpochMilli(Math.round(value * 1000));
    }

    private static Instant usLocale(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        DateTimeFormatter f = upper.endsWith("AM") || upper.endsWith("PM") ? US : US_24H;
        return LocalDateTime.parse(s, f).toInstant(java.time.ZoneOffset.UTC);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction and an optional {@code Z}: what nearly every record
     * carries, read without a formatter (millions of records a scan).
     */
    private static Instant plainIso(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int end = s.charAt(n - 1) == 'Z' ? n - 1 : n;
        int nanos = 0;
        if (end > 19) {
            if (s.charAt(19) != '.' || end - 20 > 9 || end == 20) return null;
            for (int i = 20; i < 29; i++) {
                int d = i < end ? digit(s, i) : 0;
                if (d < 0) return null;
                nanos = nanos * 10 + d;
            }
        }
        int year = number(s, 0, 4), month = number(s, 5, 7), day = number(s, 8, 10);
        int hour = number(s, 11, 13), minute = number(s, 14, 16), second = number(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) return null;
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = digit(s, i);
            if (d < 0) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static int digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static Instant iso(String s) {
        char last = s.charAt(s.length() - 1);
        boolean zoned = last == 'Z' || last == 'z' || s.length() > 19 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-');
        if (zoned) return OffsetDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return LocalDateTime.parse(s, ISO_LOCAL).toInstant(java.time.ZoneOffset.UTC);
    }
}
