package org.contactsync.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.contactsync.contact.FieldValues;
import org.contactsync.sync.plan.SyncLink;

/**
 * One row of an employee's link table: a Business Central contact and the Outlook contact the sync keeps equal to
 * it. The planner sees it as a {@link SyncLink}; the executor changes it only as {@link
 * org.contactsync.sync.plan.SyncAction} documents.
 */
@Entity
@Table(name = "sync_link")
public class ContactLink {

    @Id
    @SequenceGenerator(name = "sync_link_seq", sequenceName = "sync_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_link_seq")
    private Long id;

    @Column(name = "user_name", nullable = false, updatable = false, length = 50)
    private String userName;

    @Column(name = "contact_no", nullable = false, updatable = false, length = 20)
    private String contactNo;

    @Column(name = "graph_id", nullable = false, length = 250)
    private String graphId;

    @Column(name = "change_key", nullable = false, length = 250)
    private String changeKey;

    @Column(name = "last_synced", nullable = false, length = 20000)
    private String lastSynced;

    @Column(name = "imported_from_outlook", nullable = false)
    private boolean importedFromOutlook;

    @Column(name = "kept", nullable = false)
    private boolean kept;

    @Column(name = "modified_at", nullable = false)
    private OffsetDateTime modifiedAt;

    protected ContactLink() {
        // for JPA
    }

    public ContactLink(String userName, SyncLink link, Instant now) {
        this.userName = userName;
        this.contactNo = link.contactNo();
        assign(link, now);
    }

    /** Takes over the planner's row (same contact No.). */
    public final void assign(SyncLink link, Instant now) {
        if (!link.contactNo().equals(contactNo)) {
            throw new IllegalArgumentException("Link " + contactNo + " cannot take the row of " + link.contactNo());
        }
        this.graphId = link.graphId();
        this.changeKey = link.changeKey();
        this.lastSynced = FieldValuesJson.write(link.lastSynced());
        this.importedFromOutlook = link.importedFromOutlook();
        this.kept = link.kept();
        this.modifiedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The planner's view of this row. */
    public SyncLink toSyncLink() {
        FieldValues values = FieldValuesJson.read(lastSynced);
        return new SyncLink(contactNo, graphId, changeKey, values, importedFromOutlook, kept);
    }

    public Long getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public String getContactNo() {
        return contactNo;
    }

    public String getGraphId() {
        return graphId;
    }

    /** When the sync last wrote this link: the contact was last written to (or found agreeing in) Outlook. */
    public Instant modifiedAt() {
        return modifiedAt.toInstant();
    }
}
