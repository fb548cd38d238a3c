package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.contact.FieldValues;
import org.contactsync.sync.plan.Reason;
import org.contactsync.sync.plan.SyncAction;
import org.junit.jupiter.api.Test;

/** Chunks hold at most one {@code $batch} of Outlook writes, keep the plan's order and lose no action. */
class PlanChunksTest {

    @Test
    void chunksKeepThePlanOrderWithAtMostEightyOutlookWritesEachFourBatchesOfTwenty() {
        List<SyncAction> plan = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            plan.add(new SyncAction.Link("CT" + i, "id" + i, "ck", FieldValues.empty(), Reason.MATCHED_BY_EMAIL));
            plan.add(new SyncAction.UpdateInOutlook("CT" + i, "id" + i, "ck", FieldValues.empty(),
                    FieldValues.empty(), Reason.MATCHED_BY_EMAIL));
        }
        for (int i = 0; i < 250; i++) {
            plan.add(new SyncAction.Skip(Optional.empty(), Optional.of("x" + i), Reason.NO_EMAIL, "", Optional.empty()));
        }

        List<List<SyncAction>> chunks = PlanChunks.split(plan);

        assertEquals(plan, chunks.stream().flatMap(List::stream).toList());
        assertEquals(List.of(80L, 80L, 20L, 0L), chunks.stream()
                .map(chunk -> chunk.stream().filter(a -> PlanChunks.outlookWrite(a).isPresent()).count()).toList());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.size() <= PlanChunks.ACTIONS));
    }

    @Test
    void aRecreateIsPostedStampedAndAnUpdateCarriesTheChangeKeyItWasPlannedAgainst() {
        var values = FieldValues.empty();
        assertEquals(Optional.of(new OutlookWrite.Create("CT000010", values)), PlanChunks.outlookWrite(
                new SyncAction.Recreate("CT000010", "gone", values, Reason.DELETED_IN_OUTLOOK)));
        assertEquals(Optional.of(new OutlookWrite.Update("id", Optional.of("ck7"), values)), PlanChunks.outlookWrite(
                new SyncAction.UpdateInOutlook("CT000010", "id", "ck7", values, values, Reason.CHANGED_IN_BC)));
        assertEquals(Optional.empty(), PlanChunks.outlookWrite(
                new SyncAction.RefreshLink("CT000010", "id", "ck7", values, Reason.SYNCED_STATE_RECORDED)));
    }
}
