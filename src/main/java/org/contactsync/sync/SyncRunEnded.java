package org.contactsync.sync;

import java.time.Duration;
import java.util.Map;
import org.contactsync.sync.plan.ActionKind;

/**
 * A CDI event: a sync run ended, fired in the transaction that ends it; observers that report it (metrics) observe
 * {@code AFTER_SUCCESS}, so a run counts once it is recorded as ended.
 *
 * @param done what the run carried out, per kind of action; empty for a preview or a run the mass-delete guard
 *             stopped, whose counts are only what it would do
 */
public record SyncRunEnded(SyncTrigger trigger, SyncRunStatus status, boolean preview, Duration duration,
        Map<ActionKind, Integer> done) {

    public SyncRunEnded {
        done = Map.copyOf(done);
    }
}
