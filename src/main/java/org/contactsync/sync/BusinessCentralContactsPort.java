package org.contactsync.sync;

import java.util.List;
import org.contactsync.contact.FieldValues;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.platform.FieldProblem;
import org.contactsync.sync.plan.BcContact;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.SyncLink;

/**
 * The sync's port to Business Central's contacts: the contacts a run must see, and the writes a full sync brings
 * from Outlook. {@link ContactTableContacts} carries it out on the contact table, joining the caller's transaction
 * (a chunk's writes commit with its link rows and log); tests of {@link RunExecution} use an in-memory table.
 */
public interface BusinessCentralContactsPort {

    /**
     * The Business Central half of a snapshot, as {@link org.contactsync.sync.plan.SyncSnapshot#bcContacts()}
     * documents it: every contact in the employee's filter, plus the contacts outside it that the planner must see
     * (linked, stamped on a listed Outlook contact, or with the e-mail of a listed unlinked Outlook contact).
     */
    List<BcContact> contactsForSync(SyncFilter filter, List<SyncLink> links, OutlookSide outlook);

    /**
     * A new person with Outlook's values as given (no name breakdown, no reformatting) and the company looked up by
     * {@code companyName} (Company No. only when exactly one company has that name, as Business Central does).
     */
    Applied createFromSync(FieldValues values, String companyName);

    /** The changed fields written to the contact as given; Company Name looked up as on create. */
    Applied applyFromSync(String contactNo, FieldValues changes);

    /** What became of a write from sync. */
    sealed interface Applied {

        /** Written; the contact's No. (a new one's from the number series). */
        record Done(String contactNo) implements Applied {
        }

        /** Business Central's rules refused the values; nothing was written. */
        record Refused(List<FieldProblem> problems) implements Applied {
        }

        /** No contact with that No. (deleted in Business Central meanwhile). */
        record NotFound() implements Applied {
        }
    }
}
