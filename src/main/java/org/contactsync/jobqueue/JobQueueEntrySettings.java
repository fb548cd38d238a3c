package org.contactsync.jobqueue;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a Job Queue Entry Card that a person types, as the card and the REST API edit them (a plain bean:
 * JSF binds to its properties). Times are local to the job queue's time zone. {@link JobQueueService#save} checks
 * them.
 */
public class JobQueueEntrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private String description = "";
    private ObjectType objectType = ObjectType.CODEUNIT;
    private int objectId;
    private String parameterString = "";
    private LocalDateTime earliestStart;
    private boolean recurring;
    private boolean runOnMondays;
    private boolean runOnTuesdays;
    private boolean runOnWednesdays;
    private boolean runOnThursdays;
    private boolean runOnFridays;
    private boolean runOnSaturdays;
    private boolean runOnSundays;
    private LocalTime startingTime;
    private LocalTime endingTime;
    private int minutesBetweenRuns;
    private int maxAttempts = 3;
    private int rerunDelaySeconds = 60;

    /** The recurrence these fields describe, with the earliest start in {@code zone}. */
    public Recurrence recurrence(ZoneId zone) {
        return new Recurrence(recurring, days(), Optional.ofNullable(startingTime), Optional.ofNullable(endingTime),
                minutesBetweenRuns, Optional.ofNullable(earliestStart).map(local -> local.atZone(zone).toInstant()));
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        addIf(days, runOnMondays, DayOfWeek.MONDAY);
        addIf(days, runOnTuesdays, DayOfWeek.TUESDAY);
        addIf(days, runOnWednesdays, DayOfWeek.WEDNESDAY);
        addIf(days, runOnThursdays, DayOfWeek.THURSDAY);
        addIf(days, runOnFridays, DayOfWeek.FRIDAY);
        addIf(days, runOnSaturdays, DayOfWeek.SATURDAY);
        addIf(days, runOnSundays, DayOfWeek.SUNDAY);
        return days;
    }

    public void setDays(Set<DayOfWeek> days) {
        runOnMondays = days.contains(DayOfWeek.MONDAY);
        runOnTuesdays = days.contains(DayOfWeek.TUESDAY);
        runOnWednesdays = days.contains(DayOfWeek.WEDNESDAY);
        runOnThursdays = days.contains(DayOfWeek.THURSDAY);
        runOnFridays = days.contains(DayOfWeek.FRIDAY);
        runOnSaturdays = days.contains(DayOfWeek.SATURDAY);
        runOnSundays = days.contains(DayOfWeek.SUNDAY);
    }

    private static void addIf(Set<DayOfWeek> days, boolean on, DayOfWeek day) {
        if (on) {
            days.add(day);
        }
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description.strip();
    }

    public ObjectType getObjectType() {
        return objectType;
    }

    public void setObjectType(ObjectType objectType) {
        this.objectType = objectType;
    }

    public int getObjectId() {
        return objectId;
    }

    public void setObjectId(int objectId) {
        this.objectId = objectId;
    }

    public String getParameterString() {
        return parameterString;
    }

    public void setParameterString(String parameterString) {
        this.parameterString = parameterString == null ? "" : parameterString.strip();
    }

    public LocalDateTime getEarliestStart() {
        return earliestStart;
    }

    public void setEarliestStart(LocalDateTime earliestStart) {
        this.earliestStart = earliestStart;
    }

    public boolean isRecurring() {
        return recurring;
    }

    public void setRecurring(boolean recurring) {
        this.recurring = recurring;
    }

    public boolean isRunOnMondays() {
        return runOnMondays;
    }

    public void setRunOnMondays(boolean runOnMondays) {
        this.runOnMondays = runOnMondays;
    }

    public boolean isRunOnTuesdays() {
        return runOnTuesdays;
    }

    public void setRunOnTuesdays(boolean runOnTuesdays) {
        this.runOnTuesdays = runOnTuesdays;
    }

    public boolean isRunOnWednesdays() {
        return runOnWednesdays;
    }

    public void setRunOnWednesdays(boolean runOnWednesdays) {
        this.runOnWednesdays = runOnWednesdays;
    }

    public boolean isRunOnThursdays() {
        return runOnThursdays;
    }

    public void setRunOnThursdays(boolean runOnThursdays) {
        this.runOnThursdays = runOnThursdays;
    }

    public boolean isRunOnFridays() {
        return runOnFridays;
    }

    public void setRunOnFridays(boolean runOnFridays) {
        this.runOnFridays = runOnFridays;
    }

    public boolean isRunOnSaturdays() {
        return runOnSaturdays;
    }

    public void setRunOnSaturdays(boolean runOnSaturdays) {
        this.runOnSaturdays = runOnSaturdays;
    }

    public boolean isRunOnSundays() {
        return runOnSundays;
    }

    public void setRunOnSundays(boolean runOnSundays) {
        this.runOnSundays = runOnSundays;
    }

    public LocalTime getStartingTime() {
        return startingTime;
    }

    public void setStartingTime(LocalTime startingTime) {
        this.startingTime = startingTime;
    }

    public LocalTime getEndingTime() {
        return endingTime;
    }

    public void setEndingTime(LocalTime endingTime) {
        this.endingTime = endingTime;
    }

    public int getMinutesBetweenRuns() {
        return minutesBetweenRuns;
    }

    public void setMinutesBetweenRuns(int minutesBetweenRuns) {
        this.minutesBetweenRuns = minutesBetweenRuns;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getRerunDelaySeconds() {
        return rerunDelaySeconds;
    }

    public void setRerunDelaySeconds(int rerunDelaySeconds) {
        this.rerunDelaySeconds = rerunDelaySeconds;
    }
}
