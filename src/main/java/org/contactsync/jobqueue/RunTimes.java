package org.contactsync.jobqueue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a {@link Recurrence} into run times; pure, so every rule is a row in a unit test.
 *
 * <ul>
 * <li><b>First run</b> (Set Status to Ready): the Earliest Start Date/Time or now, whichever is later, moved into
 * the next allowed weekday and time window; a one-off entry ignores weekdays and windows, as Business Central
 * does.</li>
 * <li><b>Next run</b> (after a successful run): the next slot after now, counting No. of Minutes between Runs from
 * the run's scheduled time, moved into the window. A server that was down for a while runs a missed entry once when
 * it comes back, then continues on the slots, never once per missed slot.</li>
 * <li><b>Daylight saving.</b> Intervals of whole days keep the time of day (daily at 03:00 stays at 03:00); shorter
 * intervals are real elapsed minutes (every 60 minutes is 60 minutes also on the night the clocks change). A time
 * of day that does not exist on a spring-forward night becomes the first moment after the gap.</li>
 * </ul>
 *
 * @param zone   the job queue's time zone ({@code contactsync.jobqueue.time-zone})
 * @param minute how long a minute between runs lasts: 60 s, shorter only when tests scale time
 *               ({@code contactsync.jobqueue.seconds-per-minute})
 */
public record RunTimes(ZoneId zone, Duration minute) {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Duration REAL_MINUTE = Duration.ofMinutes(1);

    /** When an entry set to Ready at {@code now} first runs. */
    public Instant firstRun(Recurrence recurrence, Instant now) {
        Instant notBefore = recurrence.earliestStart().filter(now::isBefore).orElse(now);
        return recurrence.recurring() ? intoWindow(recurrence, notBefore) : notBefore;
    }

    /** When a recurring entry whose run was scheduled for {@code scheduled} runs next, seen at {@code now}. */
    public Instant nextRun(Recurrence recurrence, Instant scheduled, Instant now) {
        if (!recurrence.recurring() || recurrence.minutesBetweenRuns() <= 0) {
            throw new IllegalArgumentException("Not a recurrence: " + recurrence);
        }
        return intoWindow(recurrence, nextSlotAfter(recurrence.minutesBetweenRuns(), scheduled, now));
    }

    /** When a failed run is tried again: after the Rerun Delay (sec.), real seconds. */
    public Instant rerun(int rerunDelaySeconds, Instant now) {
        return now.plusSeconds(rerunDelaySeconds);
    }

    private Instant nextSlotAfter(int minutes, Instant scheduled, Instant now) {
        ZonedDateTime slot = scheduled.atZone(zone);
        if (minute.equals(REAL_MINUTE) && minutes % MINUTES_PER_DAY == 0) {
            int days = minutes / MINUTES_PER_DAY;
            do {
                slot = slot.plusDays(days);
            } while (!slot.toInstant().isAfter(now));
            return slot.toInstant();
        }
        Duration interval = minute.multipliedBy(minutes);
        Instant next = scheduled.plus(interval);
        if (!next.isAfter(now)) {
            long missed = Duration.between(next, now).dividedBy(interval) + 1;
            next = next.plus(interval.multipliedBy(missed));
        }
        return next;
    }

    /** The first moment at or after {@code candidate} on an allowed weekday inside the time window. */
    private Instant intoWindow(Recurrence recurrence, Instant candidate) {
        LocalDateTime local = LocalDateTime.ofInstant(candidate, zone);
        LocalTime start = recurrence.startingTime().orElse(LocalTime.MIDNIGHT);
        for (int day = 0; day <= 7; day++) {
            DayOfWeek weekday = local.getDayOfWeek();
            if (recurrence.days().contains(weekday)) {
                LocalDateTime windowStart = local.toLocalDate().atTime(start);
                if (local.isBefore(windowStart)) {
                    return ZonedDateTime.of(windowStart, zone).toInstant();
                }
                LocalTime timeOfDay = local.toLocalTime();
                if (recurrence.endingTime().map(end -> !timeOfDay.isAfter(end)).orElse(true)) {
                    return candidate;
                }
            }
            local = local.toLocalDate().plusDays(1).atStartOfDay();
            candidate = ZonedDateTime.of(local, zone).toInstant();
        }
        throw new IllegalArgumentException("No weekday to run on: " + recurrence);
    }
}
