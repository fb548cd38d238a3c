package org.contactsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncAction.CreateInOutlook;
import org.contactsync.sync.plan.SyncAction.DeleteInOutlook;
import org.contactsync.sync.plan.SyncAction.Recreate;
import org.contactsync.sync.plan.SyncAction.UpdateInOutlook;

/**
 * Cuts a plan into the chunks the executor commits one by one, in plan order: at most {@link #OUTLOOK_WRITES}
 * Outlook writes (the batches one {@code OutlookMailbox.apply} sends at once) and at most {@link #ACTIONS} actions per chunk.
 */
final class PlanChunks {

    /** The Outlook writes the mailbox sends at once: four sequential batches of 20. */
    static final int OUTLOOK_WRITES = OutlookMailbox.WRITES_AT_ONCE;
    /** Keeps a chunk's transaction short when a plan is mostly bookkeeping. */
    static final int ACTIONS = 200;

    private PlanChunks() {
    }

    static List<List<SyncAction>> split(List<SyncAction> actions) {
        List<List<SyncAction>> chunks = new ArrayList<>();
        List<SyncAction> chunk = new ArrayList<>();
        int writes = 0;
        for (SyncAction action : actions) {
            boolean write = outlookWrite(action).isPresent();
            if (chunk.size() == ACTIONS || write && writes == OUTLOOK_WRITES) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                writes = 0;
            }
            chunk.add(action);
            writes += write ? 1 : 0;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The Outlook write an action needs, as {@link SyncAction} documents it; empty for the others. */
    static Optional<OutlookWrite> outlookWrite(SyncAction action) {
        if (action instanceof CreateInOutlook create) {
            return Optional.of(new OutlookWrite.Create(create.stamp(), create.values()));
        } else if (action instanceof Recreate recreate) {
            return Optional.of(new OutlookWrite.Create(recreate.stamp(), recreate.values()));
        } else if (action instanceof UpdateInOutlook update) {
            return Optional.of(new OutlookWrite.Update(update.graphId(), Optional.of(update.changeKey()),
                    update.patch()));
        } else if (action instanceof DeleteInOutlook delete) {
            return Optional.of(new OutlookWrite.Delete(delete.graphId()));
        }
        return Optional.empty();
    }
}
