package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mailbox alert rule and how an employee's setup counts failures in a row, pauses and starts over. */
class MailboxAlertRuleTest {

    private static final MailboxAlertRule RULE = new MailboxAlertRule(3, 5);
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void anAlertFromTheThirdFailureInARowAndAPauseFromTheFifthOnlyWhileBackgroundSyncIsOn() {
        assertFalse(RULE.alerts(2));
        assertTrue(RULE.alerts(3));
        assertFalse(RULE.pauses(4, true));
        assertTrue(RULE.pauses(5, true));
        assertFalse(RULE.pauses(5, false), "nothing to pause");
    }

    @Test
    void aPauseNeverComesBeforeTheAlert() {
        assertThrows(IllegalArgumentException.class, () -> new MailboxAlertRule(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new MailboxAlertRule(4, 3));
    }

    @Test
    void theFifthFailureInARowPausesBackgroundSyncWithTheReasonKept() {
        var setup = withBackgroundSync();
        for (long run = 1; run <= 4; run++) {
            assertFalse(setup.syncFailed(run, NOW, "Microsoft Graph: 403", Optional.of("ACCESS_DENIED"), RULE));
        }
        assertTrue(setup.isBackgroundSyncEnabled());

        assertTrue(setup.syncFailed(5, NOW, "Microsoft Graph: 403 again", Optional.of("ACCESS_DENIED"), RULE));

        assertFalse(setup.isBackgroundSyncEnabled());
        assertEquals(Optional.of(5), setup.backgroundPausedAfter());
        assertEquals(Optional.of(NOW), setup.backgroundPausedAt());
        assertEquals(Optional.of("Microsoft Graph: 403 again"), setup.lastFailureMessage());
        assertEquals(Optional.of("ACCESS_DENIED"), setup.lastFailureKind());
        assertTrue(setup.pausedBy(5));
        assertFalse(setup.pausedBy(4));
        assertFalse(setup.syncFailed(6, NOW, "still", Optional.empty(), RULE), "paused once, not again");
        assertFalse(setup.pausedBy(6));
    }

    @Test
    void aSuccessStartsTheCountOverButLeavesAPauseForSomeoneToLift() {
        var setup = withBackgroundSync();
        for (long run = 1; run <= 5; run++) {
            setup.syncFailed(run, NOW, "Failed", Optional.empty(), RULE);
        }
        setup.syncSucceeded();

        assertEquals(0, setup.getFailuresInARow());
        assertEquals(Optional.empty(), setup.lastFailureMessage());
        assertFalse(setup.isBackgroundSyncEnabled());
        assertTrue(setup.backgroundPausedAt().isPresent());
    }

    @Test
    void aSuccessBeforeThePauseMeansTheNextFailuresCountFromOne() {
        var setup = withBackgroundSync();
        for (long run = 1; run <= 4; run++) {
            setup.syncFailed(run, NOW, "Failed", Optional.empty(), RULE);
        }
        setup.syncSucceeded();
        for (long run = 5; run <= 8; run++) {
            assertFalse(setup.syncFailed(run, NOW, "Failed", Optional.empty(), RULE));
        }
        assertEquals(4, setup.getFailuresInARow());
        assertTrue(setup.isBackgroundSyncEnabled());
    }

    @Test
    void switchingBackgroundSyncOnAgainClearsTheAlertAndThePause() {
        var setup = withBackgroundSync();
        for (long run = 1; run <= 5; run++) {
            setup.syncFailed(run, NOW, "Failed", Optional.empty(), RULE);
        }
        setup.change(setup.settings(), NOW, "admin");
        assertTrue(setup.backgroundPausedAt().isPresent(), "saved with background sync still off: still paused");

        setup.change(new ContactSyncSettings(setup.getFolderName(), setup.filter(), true, false), NOW, "admin");

        assertTrue(setup.isBackgroundSyncEnabled());
        assertEquals(0, setup.getFailuresInARow());
        assertEquals(Optional.empty(), setup.backgroundPausedAt());
        assertEquals(Optional.empty(), setup.lastFailureMessage());
    }

    private static ExchangeSync withBackgroundSync() {
        var setup = new ExchangeSync("ann", NOW, "admin");
        setup.change(new ContactSyncSettings(ExchangeSync.DEFAULT_FOLDER_NAME, setup.filter(), true, false), NOW,
                "admin");
        return setup;
    }
}
