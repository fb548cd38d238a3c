package org.contactsync.sync.plan;

import java.util.Objects;

/**
 * The employee's choices that change what a run does.
 *
 * @param keepInOutlookWhenUnsynced "keep in Outlook, stop syncing": a contact that leaves the filter or is deleted
 *                                  in Business Central is unlinked and left in Outlook instead of deleted there
 * @param massDeleteGuard           the thresholds of the mass-delete guard
 * @param massDeleteConfirmed       someone confirmed this run's deletes (after a blocked preview)
 */
public record SyncPolicy(boolean keepInOutlookWhenUnsynced, MassDeleteGuard massDeleteGuard,
        boolean massDeleteConfirmed) {

    /** Remove from Outlook what leaves the sync, default guard, nothing confirmed. */
    public static final SyncPolicy DEFAULT = new SyncPolicy(false, MassDeleteGuard.DEFAULT, false);

    public SyncPolicy {
        Objects.requireNonNull(massDeleteGuard, "massDeleteGuard");
    }

    public SyncPolicy keepingInOutlook() {
        return new SyncPolicy(true, massDeleteGuard, massDeleteConfirmed);
    }

    public SyncPolicy confirmingMassDelete() {
        return new SyncPolicy(keepInOutlookWhenUnsynced, massDeleteGuard, true);
    }
}
