package org.contactsync.sync.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactsync.sync.SyncLogEntry;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.Reason;
import org.junit.jupiter.api.Test;

/** The Sync Log hides entries that changed nothing unless asked (issue 13, point 8). */
class SyncLogViewTest {

    private static SyncLogEntry entry(String no, ActionKind kind, Reason reason) {
        return new SyncLogEntry(1, Optional.of(no), Optional.of("graph-" + no), Optional.empty(), kind.name(), kind.direction(),
                Set.of(), reason, "", Instant.parse("2026-12-04T10:00:00Z"));
    }

    private final List<SyncLogEntry> run = List.of(
            entry("CT000010", ActionKind.CREATE_IN_OUTLOOK, Reason.NEW_IN_BC),
            entry("CT000020", ActionKind.REFRESH_LINK, Reason.SYNCED_STATE_RECORDED),
            entry("CT000030", ActionKind.UPDATE_IN_BC, Reason.CHANGED_IN_OUTLOOK),
            entry("CT000040", ActionKind.REFRESH_LINK, Reason.SYNCED_STATE_RECORDED),
            entry("CT000050", ActionKind.SKIP, Reason.NO_EMAIL));

    @Test
    void entriesWithoutAChangeAreHiddenByDefault() {
        assertEquals(List.of("CT000010", "CT000030", "CT000050"),
                SyncLogView.visible(run, false).stream().map(SyncLogEntry::getContactNo).toList());
    }

    @Test
    void askedForEveryEntryShows() {
        assertEquals(run, SyncLogView.visible(run, true));
    }
}
