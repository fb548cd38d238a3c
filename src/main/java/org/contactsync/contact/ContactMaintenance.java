package org.contactsync.contact;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the derived fields of every contact current on each insert and update, whichever code makes the change
 * (Business Central's OnInsert/OnModify: SetLastDateTimeModified, SetSearchEmail).
 */
public class ContactMaintenance {

    @PrePersist
    @PreUpdate
    void maintain(Contact contact) {
        // Microseconds: what both H2 and PostgreSQL timestamps keep, so a reloaded contact compares equal.
        contact.maintain(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
