package org.contactsync.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.Direction;
import org.contactsync.sync.plan.Reason;
import org.contactsync.contact.SyncedField;

/**
 * One line of the sync log: what a run did (or would do, in a preview) to one contact pair, in which direction,
 * which fields, and why; or why a write failed ({@link #FAILED}).
 */
@Entity
@Table(name = "sync_log_entry")
public class SyncLogEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The action name of a write that did not succeed. */
    public static final String FAILED = "FAILED";
    private static final int DETAIL_LENGTH = 1000;
    private static final int OUTLOOK_CONTACT_LENGTH = 300;

    @Id
    @SequenceGenerator(name = "sync_log_entry_seq", sequenceName = "sync_log_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_log_entry_seq")
    private Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;

    @Column(name = "contact_no", nullable = false, updatable = false, length = 20)
    private String contactNo;

    @Column(name = "graph_id", nullable = false, updatable = false, length = 250)
    private String graphId;

    @Column(name = "action", nullable = false, updatable = false, length = 30)
    private String action;

    @Column(name = "direction", nullable = false, updatable = false, length = 30)
    private String direction;

    @Column(name = "fields_changed", nullable = false, updatable = false, length = 1000)
    private String fieldsChanged;

    @Column(name = "reason", nullable = false, updatable = false, length = 40)
    private String reason;

    @Column(name = "detail", nullable = false, updatable = false, length = DETAIL_LENGTH)
    private String detail;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private OffsetDateTime loggedAt;

    /** An Outlook contact without a Business Central No., by its name and e-mail as Outlook had them. */
    @Column(name = "outlook_contact", nullable = false, updatable = false, length = OUTLOOK_CONTACT_LENGTH)
    private String outlookContact;

    protected SyncLogEntry() {
        // for JPA
    }

    /**
     * @param action the ActionKind name, or {@link #FAILED}
     * @param fields the fields written, empty when none
     */
    public SyncLogEntry(long runId, Optional<String> contactNo, Optional<String> graphId,
            Optional<String> outlookContact, String action, Direction direction, Set<SyncedField> fields,
            Reason reason, String detail, Instant now) {
        this.runId = runId;
        this.contactNo = contactNo.orElse("");
        this.graphId = graphId.orElse("");
        this.outlookContact = outlookContact.map(text -> text.length() > OUTLOOK_CONTACT_LENGTH
                ? text.substring(0, OUTLOOK_CONTACT_LENGTH) : text).orElse("");
        this.action = action;
        this.direction = direction.name();
        this.fieldsChanged = fields.stream().sorted().map(SyncedField::bcCaption)
                .collect(Collectors.joining(", "));
        this.reason = reason.name();
        this.detail = detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail;
        this.loggedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** An entry that changed nothing: the link's bookkeeping brought up to date where both sides already agree. */
    public boolean isWithoutChange() {
        return action.equals(ActionKind.REFRESH_LINK.name());
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public String getContactNo() {
        return contactNo;
    }

    public String getOutlookContact() {
        return outlookContact;
    }

    public String getGraphId() {
        return graphId;
    }

    public String getAction() {
        return action;
    }

    public Direction getDirection() {
        return Direction.valueOf(direction);
    }

    public String getFieldsChanged() {
        return fieldsChanged;
    }

    public Reason getReason() {
        return Reason.valueOf(reason);
    }

    public String getDetail() {
        return detail;
    }

    public Instant getLoggedAt() {
        return loggedAt.toInstant();
    }
}
