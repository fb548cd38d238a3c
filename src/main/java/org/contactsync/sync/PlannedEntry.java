package org.contactsync.sync;

import java.util.Optional;
import java.util.Set;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncAction.Conflict;
import org.contactsync.sync.plan.SyncAction.CreateInBc;
import org.contactsync.sync.plan.SyncAction.CreateInOutlook;
import org.contactsync.sync.plan.SyncAction.DeleteInOutlook;
import org.contactsync.sync.plan.SyncAction.Link;
import org.contactsync.sync.plan.SyncAction.Recreate;
import org.contactsync.sync.plan.SyncAction.RefreshLink;
import org.contactsync.sync.plan.SyncAction.Relink;
import org.contactsync.sync.plan.SyncAction.Skip;
import org.contactsync.sync.plan.SyncAction.Unlink;
import org.contactsync.sync.plan.SyncAction.UpdateInBc;
import org.contactsync.sync.plan.SyncAction.UpdateInOutlook;
import org.contactsync.contact.SyncedField;

/** What the sync log shows of a planned action that is not carried out (a preview, or a blocked plan). */
final class PlannedEntry {

    private PlannedEntry() {
    }

    static Optional<String> contactNo(SyncAction action) {
        if (action instanceof CreateInOutlook a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof Recreate a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof UpdateInOutlook a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof DeleteInOutlook a) {
            return a.contactNo();
        } else if (action instanceof UpdateInBc a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof Link a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof Relink a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof RefreshLink a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof Unlink a) {
            return Optional.of(a.contactNo());
        } else if (action instanceof Skip a) {
            return a.contactNo();
        } else if (action instanceof Conflict a) {
            return Optional.of(a.contactNo());
        }
        return Optional.empty();
    }

    static Optional<String> graphId(SyncAction action) {
        if (action instanceof Recreate a) {
            return Optional.of(a.deletedGraphId());
        } else if (action instanceof UpdateInOutlook a) {
            return Optional.of(a.graphId());
        } else if (action instanceof DeleteInOutlook a) {
            return Optional.of(a.graphId());
        } else if (action instanceof CreateInBc a) {
            return Optional.of(a.graphId());
        } else if (action instanceof UpdateInBc a) {
            return Optional.of(a.graphId());
        } else if (action instanceof Link a) {
            return Optional.of(a.graphId());
        } else if (action instanceof Relink a) {
            return Optional.of(a.graphId());
        } else if (action instanceof RefreshLink a) {
            return Optional.of(a.graphId());
        } else if (action instanceof Unlink a) {
            return Optional.of(a.graphId());
        } else if (action instanceof Skip a) {
            return a.graphId();
        } else if (action instanceof Conflict a) {
            return Optional.of(a.graphId());
        }
        return Optional.empty();
    }

    /** The Outlook contact's name and e-mail, for an entry about one without a Business Central No. */
    static Optional<String> outlookContact(SyncAction action) {
        return action instanceof Skip skip ? skip.outlookContact() : Optional.empty();
    }

    static Set<SyncedField> fields(SyncAction action) {
        if (action instanceof UpdateInOutlook a) {
            return a.changes().fields();
        } else if (action instanceof UpdateInBc a) {
            return a.changes().fields();
        } else if (action instanceof Conflict a) {
            return Set.of(a.field());
        }
        return Set.of();
    }

    static String detail(SyncAction action) {
        if (action instanceof Skip a) {
            return a.detail();
        } else if (action instanceof Conflict a) {
            return "Business Central: " + a.bcValue() + " | Outlook: " + a.outlookValue();
        }
        return "";
    }
}
