package org.contactsync.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.LocalizedMessage;
import org.junit.jupiter.api.Test;

/** How a contact sync job's employees add up to its outcome and the one-line summary in the log. */
class ContactSyncSummaryTest {

    private static String english(String stored) {
        return LocalizedMessage.read(stored, Locale.ENGLISH);
    }

    @Test
    void oneEmployeeIsOneEmployee() {
        assertEquals("1 employee: 1 synced.", english(ContactSyncSummary.of(List.of(item("alice", "SUCCEEDED", "")))
                .summary()));
    }

    private static Item item(String employee, String outcome, String message) {
        return new Item(employee, outcome, Optional.of(1L), 0, 0, 0, message);
    }

    @Test
    void noEmployeeWithBackgroundSyncIsASuccessThatSaysSo() {
        var result = ContactSyncSummary.of(List.of());
        assertTrue(result.succeeded());
        assertEquals("No employee has background synchronization enabled.", english(result.summary()));
    }

    @Test
    void aFailedOrRefusedEmployeeFailsTheJobAndIsNamedWithTheReason() {
        var result = ContactSyncSummary.of(List.of(item("alice", "SUCCEEDED", "2 created"),
                item("bob", "FAILED", "Microsoft Graph: 404 ErrorInvalidUser"),
                item("carol", ContactSyncJob.REFUSED, "The user carol has no Microsoft 365 e-mail")));
        assertFalse(result.succeeded());
        assertEquals("3 employees: 1 synced, 2 failed (bob: Microsoft Graph: 404 ErrorInvalidUser; carol: The user "
                + "carol has no Microsoft 365 e-mail).", english(result.summary()));
        assertEquals(3, result.items().size(), "every employee keeps their item");
    }

    @Test
    void postponedAndGuardedEmployeesAreReportedWithoutFailingTheJob() {
        var result = ContactSyncSummary.of(List.of(item("alice", "POSTPONED", "throttled"),
                item("bob", ContactSyncJob.ALREADY_RUNNING, "running"), item("carol", "BLOCKED_BY_GUARD", "guard"),
                item("dave", "SUCCEEDED", "")));
        assertTrue(result.succeeded());
        assertEquals("4 employees: 1 synced, 2 postponed, the next run continues (alice, bob), 1 stopped by the "
                + "mass-delete guard until confirmed on Contact Sync Setup (carol).", english(result.summary()));
        assertEquals("4 anställda: 1 synkade, 2 uppskjutna, nästa körning fortsätter (alice, bob), 1 stoppade av "
                + "skyddet mot massborttagning tills det bekräftas i Inställningar för kontaktsynkning (carol).",
                LocalizedMessage.read(result.summary(), Locale.forLanguageTag("sv")), "kept as a message: read in Swedish");
    }
}
