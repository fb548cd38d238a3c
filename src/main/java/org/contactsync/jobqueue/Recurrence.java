package org.contactsync.jobqueue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactsync.platform.FieldProblem;

/**
 * When an entry may run, in Business Central's terms: once at (or after) the Earliest Start Date/Time, or recurring
 * on the chosen weekdays between Starting Time and Ending Time (local times in the job queue's time zone; none: the
 * whole day) every No. of Minutes between Runs. {@link RunTimes} turns it into instants.
 *
 * @param recurring          Recurring Job
 * @param days               Run on Mondays … Sundays
 * @param startingTime       Starting Time
 * @param endingTime         Ending Time (inclusive)
 * @param minutesBetweenRuns No. of Minutes between Runs
 * @param earliestStart      Earliest Start Date/Time
 */
public record Recurrence(boolean recurring, Set<DayOfWeek> days, Optional<LocalTime> startingTime,
        Optional<LocalTime> endingTime, int minutesBetweenRuns, Optional<Instant> earliestStart) {

    public Recurrence {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Every weekday, every {@code minutes}, the whole day: Business Central's {@code InitRecurringJob}. */
    public static Recurrence everyDay(int minutes) {
        return new Recurrence(true, EnumSet.allOf(DayOfWeek.class), Optional.empty(), Optional.empty(), minutes,
                Optional.empty());
    }

    /**
     * What makes the recurrence impossible, each with the card field it belongs to: a recurring job needs a weekday
     * and minutes between runs; an ending time must come after the starting time.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (recurring && days.isEmpty()) {
            problems.add(new FieldProblem("runOnDays", JobQueueMessages.of("entry.invalid.noWeekday")));
        }
        if (recurring && minutesBetweenRuns <= 0) {
            problems.add(new FieldProblem("minutesBetweenRuns", JobQueueMessages.of("entry.invalid.minutes")));
        }
        if (startingTime.isPresent() && endingTime.isPresent() && !endingTime.get().isAfter(startingTime.get())) {
            problems.add(new FieldProblem("endingTime", JobQueueMessages.of("entry.invalid.endingTime")));
        }
        return problems;
    }
}
