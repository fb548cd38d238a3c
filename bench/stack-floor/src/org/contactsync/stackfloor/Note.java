package org.contactsync.stackfloor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

/** The stack floor's one entity: a JPA mapping with a named query, as every entity of the application has. */
@Entity
@NamedQuery(name = "Note.all", query = "SELECT n FROM Note n ORDER BY n.id")
public class Note {

    @Id
    private long id;

    private String text;

    protected Note() {
    }

    Note(long id, String text) {
        this.id = id;
        this.text = text;
    }

    public long getId() {
        return id;
    }

    public String getText() {
        return text;
    }
}
