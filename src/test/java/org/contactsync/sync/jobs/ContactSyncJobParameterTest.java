package org.contactsync.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.contactsync.sync.plan.SyncMode;
import org.junit.jupiter.api.Test;

/** Codeunit 6700's Parameter String: empty is Sync with Microsoft 365, FULL is Full Sync (issue 13, point 9). */
class ContactSyncJobParameterTest {

    private final ContactSyncJob job = new ContactSyncJob();

    @Test
    void anEmptyParameterStringRunsSyncWithMicrosoft365() {
        assertEquals(Optional.of(SyncMode.INCREMENTAL), ContactSyncJob.modeOf(""));
        assertEquals(Optional.of(SyncMode.INCREMENTAL), ContactSyncJob.modeOf("   "));
        assertEquals(Optional.empty(), job.parameterProblem(""));
    }

    @Test
    void fullRunsFullSyncWithMicrosoft365WhateverItsCase() {
        assertEquals(Optional.of(SyncMode.FULL), ContactSyncJob.modeOf("FULL"));
        assertEquals(Optional.of(SyncMode.FULL), ContactSyncJob.modeOf(" full "));
        assertEquals(Optional.empty(), job.parameterProblem("Full"));
    }

    @Test
    void anyOtherParameterStringIsRefusedNamingTheOnesThatWork() {
        assertEquals(Optional.empty(), ContactSyncJob.modeOf("FULLER"));
        var problem = job.parameterProblem("INCREMENTAL").orElseThrow().in(Locale.ENGLISH);
        assertTrue(problem.contains("empty") && problem.contains("FULL"), problem);
        var swedish = job.parameterProblem("x").orElseThrow().in(Locale.forLanguageTag("sv"));
        assertTrue(swedish.contains("tom") && swedish.contains("FULL"), swedish);
    }

    @Test
    void theCardExplainsBothParameterStringsInBothLanguages() {
        var english = job.parameterHelp().orElseThrow().in(Locale.ENGLISH);
        assertTrue(english.contains("Full Sync with Microsoft 365") && english.contains("FULL")
                && english.contains("Business Central's"), english);
        var swedish = job.parameterHelp().orElseThrow().in(Locale.forLanguageTag("sv"));
        assertTrue(swedish.contains("Full synkronisering med Microsoft 365"), swedish);
    }
}
