package org.contactsync.sync.plan;

import java.util.List;
import java.util.Optional;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;

/**
 * One planned step with its reason. For each kind the comment says what the executor writes and what it records in
 * the link table afterwards ("base" = the link's last synced values). Actions of one contact pair come in the order
 * they must run: link bookkeeping, conflicts, the Business Central write, then the Outlook write.
 */
public sealed interface SyncAction {

    ActionKind kind();

    Reason reason();

    /**
     * POST a new Outlook contact with {@code values}, stamped with the contact No.; then insert the link (Graph id
     * and change key from the response, base = values).
     */
    record CreateInOutlook(String contactNo, FieldValues values, Reason reason) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.CREATE_IN_OUTLOOK;
        }

        /** The value of the stamp extended property. */
        public String stamp() {
            return contactNo;
        }
    }

    /**
     * The linked Outlook contact was deleted in Outlook: POST it again, stamped; then point the link at the new id,
     * change key from the response, base replaced by values.
     */
    record Recreate(String contactNo, String deletedGraphId, FieldValues values, Reason reason)
            implements SyncAction {
        public ActionKind kind() {
            return ActionKind.RECREATE_IN_OUTLOOK;
        }

        public String stamp() {
            return contactNo;
        }
    }

    /**
     * PATCH the Outlook contact (If-Match {@code changeKey}) with {@code patch}: the changed fields plus the fields
     * Graph needs sent with them ({@link SyncedField#sentTogether()}, carrying Outlook's current values). Collection
     * properties (emailAddresses, businessPhones) must keep the entries beyond the mapped ones as read from Graph.
     * Then store the change key from the response and put {@code changes} into the base.
     */
    record UpdateInOutlook(String contactNo, String graphId, String changeKey, FieldValues changes,
            FieldValues patch, Reason reason) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.UPDATE_IN_OUTLOOK;
        }
    }

    /** DELETE the Outlook contact; then delete its link row, if any. */
    record DeleteInOutlook(String graphId, Optional<String> contactNo, Reason reason) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.DELETE_IN_OUTLOOK;
        }
    }

    /**
     * Insert a Person contact with {@code values}, its Company No. resolved from the Company Name when exactly one
     * company contact has that name, and its link (base = values, imported from Outlook) in the same transaction.
     */
    record CreateInBc(String graphId, String changeKey, FieldValues values, List<FieldNote> notes, Reason reason)
            implements SyncAction {
        public CreateInBc {
            notes = List.copyOf(notes);
        }

        public ActionKind kind() {
            return ActionKind.CREATE_IN_BC;
        }

        public String companyName() {
            return values.get(SyncedField.COMPANY_NAME);
        }
    }

    /**
     * Assign {@code changes} to the BC contact as given (no name breakdown, no reformatting) and put them into the
     * base, in the same transaction.
     */
    record UpdateInBc(String contactNo, String graphId, FieldValues changes, List<FieldNote> notes, Reason reason)
            implements SyncAction {
        public UpdateInBc {
            notes = List.copyOf(notes);
        }

        public ActionKind kind() {
            return ActionKind.UPDATE_IN_BC;
        }
    }

    /**
     * Save the link row of a pair found by stamp or e-mail, or back in scope after it was kept: base =
     * {@code agreed} (the fields already equal), not kept; an existing row keeps its importedFromOutlook.
     */
    record Link(String contactNo, String graphId, String changeKey, FieldValues agreed, Reason reason)
            implements SyncAction {
        public ActionKind kind() {
            return ActionKind.LINK;
        }
    }

    /**
     * The linked Outlook contact is gone but another one was found for the contact (by stamp or e-mail): point the
     * link at it, store its change key, base replaced by {@code agreed}.
     */
    record Relink(String contactNo, String previousGraphId, String graphId, String changeKey, FieldValues agreed,
            Reason reason) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.RELINK;
        }
    }

    /** Store the change key seen and put {@code agreed} into the base; neither contact is written. */
    record RefreshLink(String contactNo, String graphId, String changeKey, FieldValues agreed, Reason reason)
            implements SyncAction {
        public ActionKind kind() {
            return ActionKind.REFRESH_LINK;
        }
    }

    /**
     * Stop syncing the pair; neither contact is touched. With {@code keepTombstone} the row stays, marked kept, so
     * the Outlook contact the employee keeps is not imported again; otherwise the row is deleted.
     */
    record Unlink(String contactNo, String graphId, Reason reason, boolean keepTombstone) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.UNLINK;
        }
    }

    /**
     * Nothing is written; the log shows the reason (and the field or the other contact in {@code detail}).
     * {@code outlookContact}: the Outlook contact's name and e-mail as Outlook has them, for the log of a contact
     * that has no Business Central No.
     */
    record Skip(Optional<String> contactNo, Optional<String> graphId, Reason reason, String detail,
            Optional<String> outlookContact) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.SKIP;
        }
    }

    /**
     * A field that differs on both sides: Business Central's value is the one written (by the pair's
     * UpdateInOutlook); this entry is the log's record of what Outlook had.
     */
    record Conflict(String contactNo, String graphId, SyncedField field, String bcValue, String outlookValue,
            Reason reason) implements SyncAction {
        public ActionKind kind() {
            return ActionKind.CONFLICT;
        }
    }
}
