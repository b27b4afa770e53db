package org.redress.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BusinessCalendar office = BusinessCalendar.parse("MON-FRI 09:00-12:30,13:30-18:00; SAT 09:00-12:00",
            "2026-12-25");

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void fridayEveningToMondayMorningCountsNothingOutsideOpeningHours() {
        // Fri 2026-11-27 17:00 → Mon 2026-11-30 10:00: Friday 1 h + Saturday 3 h + Monday 1 h
        assertThat(office.between(paris("2026-11-27T17:00"), paris("2026-11-30T10:00"), PARIS))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void lunchBreakAndHolidaysDoNotCount() {
        assertThat(office.between(paris("2026-11-23T12:00"), paris("2026-11-23T14:00"), PARIS))
                .isEqualTo(Duration.ofMinutes(60));
        // Christmas (a Friday) is a holiday: Thursday 17:00 → Saturday 09:00 is one hour
        assertThat(office.between(paris("2026-12-24T17:00"), paris("2026-12-26T09:00"), PARIS))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void afterFindsWhenBusinessTimeRunsOutAcrossClosedDays() {
        // 2 business hours from Friday 17:30: half an hour on Friday, then Saturday from 09:00
        assertThat(office.after(paris("2026-11-27T17:30"), Duration.ofHours(2), PARIS)).isEqualTo(paris("2026-11-28T10:30"));
        // starting while closed: the clock starts at the next opening
        assertThat(office.after(paris("2026-11-29T20:00"), Duration.ofMinutes(30), PARIS)).isEqualTo(paris("2026-11-30T09:30"));
    }

    @Test
    void daylightSavingChangeKeepsOpeningHoursInLocalTime() {
        // 2027-03-28 is the night clocks go forward in Paris; Friday 17:00 → Monday 10:00 still counts 5 h
        assertThat(office.between(paris("2027-03-26T17:00"), paris("2027-03-29T10:00"), PARIS))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void alwaysOpenIsPlainElapsedTime() {
        Instant from = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(BusinessCalendar.ALWAYS.between(from, from.plusSeconds(7), ZoneId.of("UTC"))).hasSeconds(7);
        assertThat(BusinessCalendar.ALWAYS.after(from, Duration.ofDays(2), PARIS)).isEqualTo(from.plus(Duration.ofDays(2)));
        assertThat(BusinessCalendar.ALWAYS.between(from.plusSeconds(5), from, PARIS)).isZero();
    }

    @Test
    void badHoursAndHolidaysAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> BusinessCalendar.parse("MON-FRI 9-18", "")).hasMessageContaining("9");
        assertThatThrownBy(() -> BusinessCalendar.parse("MON-FRI 18:00-09:00", "")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> BusinessCalendar.parse("MONDAY-FUNDAY 09:00-18:00", "")).hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> BusinessCalendar.parse("MON-FRI 09:00-18:00", "25/12/2026")).hasMessageContaining("ISO date");
        assertThatThrownBy(() -> BusinessCalendar.parse("", "")).hasMessageContaining("no opening hours");
    }
}
