package org.contactsync.sync;

import java.util.Locale;
import java.util.Objects;
import org.contactsync.sync.plan.SyncMode;

/**
 * What someone asked for when starting a run.
 *
 * @param userName            the employee whose contacts are synced
 * @param mode                incremental or full
 * @param trigger             where it was started
 * @param startedBy           who started it (the employee, an admin, or the job queue's user)
 * @param preview             plan and log only, write nothing
 * @param massDeleteConfirmed carry out deletes the mass-delete guard would stop
 */
public record SyncRequest(String userName, SyncMode mode, SyncTrigger trigger, String startedBy, boolean preview,
        boolean massDeleteConfirmed) {

    public SyncRequest {
        userName = userName.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedBy, "startedBy");
    }
}
