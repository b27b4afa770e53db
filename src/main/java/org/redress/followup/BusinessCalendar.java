package org.redress.followup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.time.format.DateTimeParseException;

/**
 * Opening hours and holidays. Reminders and service-level targets count time in this calendar, as Jira Service
 * Management's SLA calendars do: "two days without news" means two working days, and a complaint written on Friday
 * evening is not "late" on Monday morning. Hours are read in the inbox's time zone.
 */
public final class BusinessCalendar {
    /** Longest span a calculation walks through, day by day; beyond it time counts as plain time. */
    private static final int MAX_DAYS = 3660;
    private static final int DAY = 86_400;

    /** Every hour of every day: plain elapsed time. */
    public static final BusinessCalendar ALWAYS = parse("MON-SUN 00:00-24:00", "");

    private final Map<DayOfWeek, List<int[]>> hours;
    private final Set<LocalDate> holidays;
    private final boolean always;

    private BusinessCalendar(Map<DayOfWeek, List<int[]>> hours, Set<LocalDate> holidays) {
        this.hours = hours;
        this.holidays = holidays;
        this.always = holidays.isEmpty() && hours.size() == 7 && hours.values().stream()
                .allMatch(spans -> spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == DAY);
    }

    /**
     * @param hours    day groups separated by ';', e.g. {@code MON-FRI 09:00-12:30,13:30-18:00; SAT 09:00-12:00}
     * @param holidays ISO dates separated by ',', e.g. {@code 2026-12-25,2027-01-01}
     * @throws IllegalArgumentException saying what is wrong
     */
    public static BusinessCalendar parse(String hours, String holidays) {
        return new BusinessCalendar(hours(hours), holidays(holidays));
    }

    /** Opening hours alone, so that a configuration error names the right key. */
    public static Map<DayOfWeek, List<int[]>> hours(String hours) {
        Map<DayOfWeek, List<int[]>> byDay = new EnumMap<>(DayOfWeek.class);
        for (String group : hours.split(";")) {
            String trimmed = group.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + trimmed + "' is not '<days> <from>-<to>[,<from>-<to>]', "
                        + "e.g. MON-FRI 09:00-18:00");
            }
            List<int[]> spans = spans(parts[1]);
            for (DayOfWeek day : days(parts[0])) {
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).addAll(spans);
            }
        }
        if (byDay.isEmpty()) {
            throw new IllegalArgumentException("no opening hours: nothing would ever be due");
        }
        byDay.values().forEach(spans -> spans.sort((a, b) -> Integer.compare(a[0], b[0])));
        return byDay;
    }

    /** Holidays alone, so that a configuration error names the right key. */
    public static Set<LocalDate> holidays(String holidays) {
        Set<LocalDate> dates = new HashSet<>();
        for (String date : holidays.split(",")) {
            if (!date.isBlank()) {
                try {
                    dates.add(LocalDate.parse(date.trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + date.trim() + "' is not an ISO date such as 2026-12-25");
                }
            }
        }
        return Set.copyOf(dates);
    }

    public static BusinessCalendar of(Map<DayOfWeek, List<int[]>> hours, Set<LocalDate> holidays) {
        return new BusinessCalendar(hours, holidays);
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        if (day.plusDays(MAX_DAYS).isBefore(last)) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openings(day, zone)) {
                Instant start = open[0].isAfter(from) ? open[0] : from;
                Instant end = open[1].isBefore(to) ? open[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant after(Instant from, Duration amount, ZoneId zone) {
        if (always || amount.isZero()) {
            return from.plus(amount);
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] open : openings(day, zone)) {
                Instant start = open[0].isAfter(from) ? open[0] : from;
                if (!open[1].isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, open[1]);
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        return from.plus(amount);
    }

    private List<Instant[]> openings(LocalDate day, ZoneId zone) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Instant[]> openings = new ArrayList<>();
        for (int[] span : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
            openings.add(new Instant[] {at(day, span[0], zone), at(day, span[1], zone)});
        }
        return openings;
    }

    private static Instant at(LocalDate day, int secondOfDay, ZoneId zone) {
        return secondOfDay >= DAY ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(LocalTime.ofSecondOfDay(secondOfDay)).atZone(zone).toInstant();
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (String span : text.split(",")) {
            String[] ends = span.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + span + "' is not '<from>-<to>' such as 09:00-18:00");
            }
            int from = time(ends[0]);
            int to = time(ends[1]);
            if (to <= from) {
                throw new IllegalArgumentException("'" + span + "' ends before it starts");
            }
            spans.add(new int[] {from, to});
        }
        return spans;
    }

    private static int time(String text) {
        if (text.equals("24:00")) {
            return DAY;
        }
        try {
            return LocalTime.parse(text).toSecondOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time such as 09:00 (or 24:00)");
        }
    }

    private static List<DayOfWeek> days(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            if (range.length > 2) {
                throw new IllegalArgumentException("'" + part + "' is not a day or a range of days such as MON-FRI");
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(wanted) && wanted.length() >= 3)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a day such as MON"));
    }
}
