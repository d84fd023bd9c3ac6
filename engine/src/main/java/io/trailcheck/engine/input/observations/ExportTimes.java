package io.trailcheck.engine.input.observations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
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
            return iso(s);
        } catch (DateTimeParseException | NumberFormatException e) {
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

    private static Instant iso(String s) {
        char last = s.charAt(s.length() - 1);
        boolean zoned = last == 'Z' || last == 'z' || s.length() > 19 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-');
        if (zoned) return OffsetDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return LocalDateTime.parse(s, ISO_LOCAL).toInstant(java.time.ZoneOffset.UTC);
    }
}
