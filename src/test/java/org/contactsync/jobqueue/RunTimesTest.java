package org.contactsync.jobqueue;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.contactsync.platform.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run times in Europe/Stockholm (daylight saving: 2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00). The clock is
 * the {@code now} each row passes; 2026-03-02 is a Monday.
 */
class RunTimesTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final RunTimes TIMES = new RunTimes(STOCKHOLM, Duration.ofMinutes(1));
    private static final Set<DayOfWeek> WORKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), STOCKHOLM).toInstant();
    }

    private static String local(Instant instant) {
        return ZonedDateTime.ofInstant(instant, STOCKHOLM).toLocalDateTime().toString();
    }

    private static Recurrence every(int minutes, Set<DayOfWeek> days, String from, String to) {
        return new Recurrence(true, days, Optional.ofNullable(from).map(LocalTime::parse),
                Optional.ofNullable(to).map(LocalTime::parse), minutes, Optional.empty());
    }

    static Stream<Arguments> firstRuns() {
        return Stream.of(
                Arguments.of("every weekday, any time: now", Recurrence.everyDay(1440), "2026-03-07T10:00",
                        "2026-03-07T10:00"),
                Arguments.of("workdays only: Saturday waits for Monday's start of day",
                        every(60, WORKDAYS, null, null), "2026-03-07T10:00", "2026-03-09T00:00"),
                Arguments.of("before the window: its starting time", every(60, WORKDAYS, "08:00", "17:00"),
                        "2026-03-03T06:30", "2026-03-03T08:00"),
                Arguments.of("inside the window: now", every(60, WORKDAYS, "08:00", "17:00"),
                        "2026-03-03T12:34", "2026-03-03T12:34"),
                Arguments.of("the ending time itself is inside", every(60, WORKDAYS, "08:00", "17:00"),
                        "2026-03-03T17:00", "2026-03-03T17:00"),
                Arguments.of("after Friday's window: Monday's start", every(60, WORKDAYS, "08:00", "17:00"),
                        "2026-03-06T17:01", "2026-03-09T08:00"),
                Arguments.of("a starting time in the spring-forward gap: the first moment after it",
                        every(60, EnumSet.allOf(DayOfWeek.class), "02:30", null), "2026-03-29T00:10",
                        "2026-03-29T03:30"),
                Arguments.of("earliest start later than now wins",
                        new Recurrence(true, WORKDAYS, Optional.empty(), Optional.empty(), 60,
                                Optional.of(at("2026-03-04T09:00"))), "2026-03-02T10:00", "2026-03-04T09:00"),
                Arguments.of("earliest start in the past: now",
                        new Recurrence(true, WORKDAYS, Optional.empty(), Optional.empty(), 60,
                                Optional.of(at("2026-02-01T09:00"))), "2026-03-02T10:00", "2026-03-02T10:00"),
                Arguments.of("earliest start on a Sunday, workdays only: Monday",
                        new Recurrence(true, WORKDAYS, Optional.of(LocalTime.of(7, 0)), Optional.empty(), 60,
                                Optional.of(at("2026-03-08T09:00"))), "2026-03-02T10:00", "2026-03-09T07:00"),
                Arguments.of("a one-off ignores weekdays and windows",
                        new Recurrence(false, Set.of(), Optional.of(LocalTime.of(8, 0)), Optional.of(
                                LocalTime.of(9, 0)), 0, Optional.of(at("2026-03-07T22:00"))), "2026-03-02T10:00",
                        "2026-03-07T22:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstRuns")
    void firstRun(String rule, Recurrence recurrence, String now, String expected) {
        assertEquals(expected, local(TIMES.firstRun(recurrence, at(now))));
    }

    static Stream<Arguments> nextRuns() {
        return Stream.of(
                Arguments.of("every 15 minutes: the next slot", every(15, WORKDAYS, null, null),
                        "2026-03-02T10:00", "2026-03-02T10:00:05", "2026-03-02T10:15"),
                Arguments.of("a long run: the slot after it ended, not one per slot missed",
                        every(15, WORKDAYS, null, null), "2026-03-02T10:00", "2026-03-02T10:40",
                        "2026-03-02T10:45"),
                Arguments.of("a server down for hours: once, then on the slots", every(60, WORKDAYS, null, null),
                        "2026-03-02T10:00", "2026-03-02T13:07", "2026-03-02T14:00"),
                Arguments.of("the slot after the window: the next day's starting time",
                        every(60, WORKDAYS, "08:00", "17:00"), "2026-03-03T16:30", "2026-03-03T16:31",
                        "2026-03-04T08:00"),
                Arguments.of("across midnight into the weekend: Monday's starting time",
                        every(60, WORKDAYS, "08:00", null), "2026-03-06T23:30", "2026-03-06T23:31",
                        "2026-03-09T08:00"),
                Arguments.of("daily, Business Central's 1,440 minutes", Recurrence.everyDay(1440),
                        "2026-03-02T03:00", "2026-03-02T03:01", "2026-03-03T03:00"),
                Arguments.of("daily across spring forward: still 03:00 (23 hours later)", Recurrence.everyDay(1440),
                        "2026-03-28T03:00", "2026-03-28T03:01", "2026-03-29T03:00"),
                Arguments.of("daily across fall back: still 03:00 (25 hours later)", Recurrence.everyDay(1440),
                        "2026-10-24T03:00", "2026-10-24T03:01", "2026-10-25T03:00"),
                Arguments.of("daily, down for three days: once, at the next 03:00", Recurrence.everyDay(1440),
                        "2026-03-02T03:00", "2026-03-05T12:00", "2026-03-06T03:00"),
                Arguments.of("hourly across spring forward: 60 real minutes (01:30 → 03:30)",
                        every(60, EnumSet.allOf(DayOfWeek.class), null, null), "2026-03-29T01:30",
                        "2026-03-29T01:31", "2026-03-29T03:30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextRuns")
    void nextRun(String rule, Recurrence recurrence, String scheduled, String now, String expected) {
        assertEquals(expected, local(TIMES.nextRun(recurrence, at(scheduled), at(now))));
    }

    @Test
    void hourlyAcrossFallBackRunsTheRepeatedHourTwice() {
        var hourly = every(60, EnumSet.allOf(DayOfWeek.class), null, null);
        Instant first = ZonedDateTime.of(LocalDateTime.parse("2026-10-25T02:30"), STOCKHOLM)
                .withEarlierOffsetAtOverlap().toInstant();
        Instant second = TIMES.nextRun(hourly, first, first.plusSeconds(1));
        assertEquals(Duration.ofHours(1), Duration.between(first, second));
        assertEquals("2026-10-25T02:30", local(second), "02:30 again, in winter time");
        assertEquals("2026-10-25T03:30", local(TIMES.nextRun(hourly, second, second.plusSeconds(1))));
    }

    @Test
    void scaledTimeShortensTheMinutesBetweenRunsButNotTheRerunDelay() {
        var scaled = new RunTimes(STOCKHOLM, Duration.ofSeconds(2));
        Instant scheduled = at("2026-03-02T10:00");
        assertEquals(scheduled.plusSeconds(2), scaled.nextRun(every(1, WORKDAYS, null, null), scheduled,
                scheduled.plusMillis(500)));
        assertEquals(scheduled.plusSeconds(2 * 1440), scaled.nextRun(Recurrence.everyDay(1440), scheduled,
                scheduled.plusMillis(500)), "a scaled 'day' is 1,440 scaled minutes");
        assertEquals(scheduled.plusSeconds(30), scaled.rerun(30, scheduled));
    }

    static Stream<Arguments> invalidRecurrences() {
        return Stream.of(
                Arguments.of("no weekday", every(60, Set.of(), null, null), List.of("runOnDays")),
                Arguments.of("zero minutes", every(0, WORKDAYS, null, null), List.of("minutesBetweenRuns")),
                Arguments.of("ending before starting", every(60, WORKDAYS, "17:00", "08:00"), List.of("endingTime")),
                Arguments.of("ending at the starting time", every(60, WORKDAYS, "08:00", "08:00"),
                        List.of("endingTime")),
                Arguments.of("everything wrong at once", every(-5, Set.of(), "09:00", "01:00"),
                        List.of("runOnDays", "minutesBetweenRuns", "endingTime")),
                Arguments.of("a one-off needs no weekday nor minutes",
                        new Recurrence(false, Set.of(), Optional.empty(), Optional.empty(), 0, Optional.empty()),
                        List.of()),
                Arguments.of("a valid recurrence", every(30, WORKDAYS, "08:00", "17:00"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecurrences")
    void invalidRecurrencesAreRefusedFieldByField(String rule, Recurrence recurrence, List<String> fields) {
        assertEquals(fields, recurrence.problems().stream().map(FieldProblem::field).toList());
    }
}
