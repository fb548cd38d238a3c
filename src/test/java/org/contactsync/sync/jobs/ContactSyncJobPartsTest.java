package org.contactsync.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.ApplicationException;
import org.junit.jupiter.api.Test;

/**
 * Codeunit 6700 as parts of a run: a postponed employee (throttled mailbox, or their own sync running) is tried once
 * more after {@code retry-postponed-seconds}, any other outcome stays; a negative pause turns the retry off; each
 * server runs as many employees at a time as {@code concurrency} says; and a Parameter String the job cannot use
 * fails the run before any employee is listed.
 */
class ContactSyncJobPartsTest {

    private static ContactSyncJob job(int retryPostponedSeconds) {
        var job = new ContactSyncJob();
        job.retryPostponedSeconds = retryPostponedSeconds;
        job.concurrency = 16;
        return job;
    }

    private static Item ended(String outcome) {
        return new Item("alice", outcome, Optional.of(1L), 0, 0, 0, "");
    }

    @Test
    void aPostponedOrAlreadyRunningEmployeeIsTriedOnceMoreAfterThePause() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), job(60).retryOnceAfter(ended("POSTPONED")));
        assertEquals(Optional.of(Duration.ofSeconds(60)), job(60).retryOnceAfter(ended(ContactSyncJob.ALREADY_RUNNING)));
        assertEquals(Optional.of(Duration.ZERO), job(0).retryOnceAfter(ended("POSTPONED")), "0: at once");
    }

    @Test
    void otherOutcomesStayAndANegativePauseTurnsTheRetryOff() {
        for (String outcome : new String[] {"SUCCEEDED", "FAILED", "BLOCKED_BY_GUARD", ContactSyncJob.REFUSED}) {
            assertEquals(Optional.empty(), job(60).retryOnceAfter(ended(outcome)), outcome);
        }
        assertEquals(Optional.empty(), job(-1).retryOnceAfter(ended("POSTPONED")));
    }

    @Test
    void eachServerRunsTheConfiguredNumberOfEmployeesAtATime() {
        assertEquals(16, job(60).partsPerServer());
    }

    @Test
    void aParameterStringTheJobCannotUseFailsTheRunBeforeAnyEmployeeIsListed() {
        assertThrows(ApplicationException.class, () -> job(60).subjects(new JobContext(1, "INCREMENTAL", "admin")));
    }
}
