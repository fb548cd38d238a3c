package org.contactsync.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Who did something to a row and when: a person's user name ("system" at start-up) and the instant. Mapped to
 * {@code modified_at}/{@code modified_by}, the pair every audited table has; an entity that also records its
 * creation overrides the columns to {@code created_at}/{@code created_by}. A value: a change replaces the stamp.
 * The time is a UTC {@link OffsetDateTime} because EclipseLink 4.0 (Payara's) serializes {@link Instant} into a
 * blob instead of mapping it.
 */
@Embeddable
public class AuditStamp {

    @Column(name = "modified_at", nullable = false)
    private OffsetDateTime at;

    @Column(name = "modified_by", nullable = false, length = 50)
    private String by;

    protected AuditStamp() {
        // for JPA
    }

    public AuditStamp(Instant at, String by) {
        this.at = at.atOffset(ZoneOffset.UTC);
        this.by = by;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String by() {
        return by;
    }
}
