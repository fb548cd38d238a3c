package org.contactsync.sync.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.contactsync.api.Problem;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.contactsync.sync.SyncMessages;
import org.contactsync.sync.SyncRequest;
import org.contactsync.sync.SyncRunService;
import org.contactsync.sync.SyncRunner;
import org.contactsync.sync.SyncTrigger;
import org.contactsync.sync.plan.SyncMode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sync runs over HTTP: start one ("Sync with Microsoft 365" or "Full Sync with Microsoft 365"), follow its progress,
 * read its log. Employees sync and see only themselves; admins anyone.
 */
@Path("sync-runs")
@RequestScoped
@RolesAllowed({"admin", "employee"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync runs", description = "Sync an employee's contacts with their Outlook folder")
public class SyncRunResource {

    @Inject
    SyncRunner runner;

    @Inject
    SyncRunService syncRuns;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a sync run", description = "Runs in the background; follow it at Location.")
    @APIResponse(responseCode = "202", description = "Started; Location names the run",
            content = @Content(schema = @Schema(implementation = SyncRunDto.class)))
    @APIResponse(responseCode = "409", description = "A sync is already running for the employee", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(SyncRunRequestDto body) {
        var request = body == null ? new SyncRunRequestDto(null, false, null, false) : body;
        var who = caller.get();
        var userName = request.userName() == null || request.userName().isBlank() ? who.userName()
                : request.userName();
        long id = runner.start(who, new SyncRequest(userName, mode(request.mode()), SyncTrigger.API, who.userName(),
                request.isPreview(), request.isMassDeleteConfirmed()));
        var run = syncRuns.run(who, id);
        return Response.accepted(SyncRunDto.of(run)).location(uri.getAbsolutePathBuilder().path(Long.toString(id))
                .build()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A sync run: status, progress and counts")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = SyncRunDto.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SyncRunDto get(@PathParam("id") long id) {
        return SyncRunDto.of(syncRuns.run(caller.get(), id));
    }

    @GET
    @Path("{id}/log")
    @Operation(summary = "A sync run's log: one entry per contact action, with its reason")
    @APIResponse(responseCode = "200", description = "The entries in the order they were logged",
            content = @Content(schema = @Schema(implementation = SyncLogEntryDto.class)))
    public List<SyncLogEntryDto> log(@PathParam("id") long id) {
        return syncRuns.log(caller.get(), id).stream().map(SyncLogEntryDto::of).toList();
    }

    private static SyncMode mode(String text) {
        if (text == null || text.isBlank()) {
            return SyncMode.INCREMENTAL;
        }
        try {
            return SyncMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApplicationException(Kind.INVALID, SyncMessages.of("sync.invalid"), List.of(
                    new FieldProblem("mode", SyncMessages.of("sync.api.badMode", text))));
        }
    }

}
