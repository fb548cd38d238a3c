package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.contactsync.sync.plan.SyncMode;
import org.junit.jupiter.api.Test;

/** Which runs wrote nothing, so that pages say "would create/update/delete" for them (issue 13, point 3). */
class SyncRunPlanOnlyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aPreviewWroteNothingWhateverItsOutcome() {
        var preview = run(true);
        assertTrue(preview.isPlanOnly(), "a running preview");
        preview.end(SyncRunStatus.SUCCEEDED, NOW, Optional.empty(), 3);
        assertTrue(preview.isPlanOnly(), "a preview that succeeded");
    }

    @Test
    void aRunTheGuardStoppedWroteNothing() {
        var run = run(false);
        run.end(SyncRunStatus.BLOCKED_BY_GUARD, NOW, Optional.empty(), 3);
        assertTrue(run.isPlanOnly());
    }

    @Test
    void aRunThatWentAheadWroteWhatItCounts() {
        var succeeded = run(false);
        assertFalse(succeeded.isPlanOnly(), "running");
        succeeded.end(SyncRunStatus.SUCCEEDED, NOW, Optional.empty(), 3);
        assertFalse(succeeded.isPlanOnly(), "succeeded");
        var postponed = run(false);
        postponed.end(SyncRunStatus.POSTPONED, NOW, Optional.empty(), 3);
        assertFalse(postponed.isPlanOnly(), "postponed with part written");
    }

    private static SyncRun run(boolean preview) {
        return new SyncRun(new SyncRequest("alice", SyncMode.INCREMENTAL, SyncTrigger.PAGE, "alice", preview, false),
                "node-1", NOW, Duration.ofMinutes(2));
    }
}
