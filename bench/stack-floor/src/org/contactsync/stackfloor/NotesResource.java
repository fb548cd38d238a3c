package org.contactsync.stackfloor;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A REST resource, so that the JAX-RS application and its JSON binding start as they do in the application. */
@Path("notes")
public class NotesResource {

    @ApplicationPath("api")
    public static class Api extends Application {
    }

    @Inject
    Notes notes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Note> all() {
        return notes.all();
    }
}
