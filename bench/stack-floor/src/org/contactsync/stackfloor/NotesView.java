package org.contactsync.stackfloor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The page's backing bean: CDI in front of the EJB. */
@Named
@RequestScoped
public class NotesView {

    @Inject
    Notes notes;

    public List<Note> getAll() {
        return notes.all();
    }
}
