package org.contactsync.graph;

import java.util.Objects;
import java.util.Optional;
import org.contactsync.contact.FieldValues;

/** One write to the sync folder, as the executor hands it to {@link OutlookMailbox#apply}. */
public sealed interface OutlookWrite {

    /** POST a new contact with every non-empty value, stamped with the BC contact No. (also for a recreate). */
    record Create(String contactNo, FieldValues values) implements OutlookWrite {
        public Create {
            Objects.requireNonNull(contactNo, "contactNo");
            Objects.requireNonNull(values, "values");
        }
    }

    /**
     * PATCH only the fields in {@code patch} (with their {@link org.contactsync.contact.SyncedField#sentTogether()}
     * companions); with a change key, only if the contact is still at that version (else
     * {@link WriteOutcome.Conflict}). Outlook's entries beyond the mapped ones in emailAddresses and businessPhones
     * are kept.
     */
    record Update(String graphId, Optional<String> changeKey, FieldValues patch) implements OutlookWrite {
        public Update {
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(changeKey, "changeKey");
            Objects.requireNonNull(patch, "patch");
        }
    }

    /** DELETE the contact (it goes to Deleted Items, as when the employee deletes it). */
    record Delete(String graphId) implements OutlookWrite {
        public Delete {
            Objects.requireNonNull(graphId, "graphId");
        }
    }
}
