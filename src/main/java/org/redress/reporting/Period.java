package org.redress.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The [from, to) window of an API call. Both ends take a date ({@code 2026-11-16}, UTC; {@code to} includes that
 * whole day) or an instant ({@code 2026-11-16T09:00:00Z}); without them the window is the last 30 days.
 */
public record Period(Instant from, Instant to) {
    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    public static Period parse(String from, String to, Clock clock) {
        Instant end = blank(to) ? clock.instant().plusMillis(1) : instant("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        return new Period(start, end);
    }

    private static Instant instant(String name, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date (2026-11-16) or an instant "
                    + "(2026-11-16T09:00:00Z), got '" + text + "'");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
