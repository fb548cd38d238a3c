package org.contactsync.jobqueue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.contactsync.api.Problem;
import org.contactsync.api.ProblemMappers;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.jobqueue.JobQueueConfig;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueLogEntry;
import org.contactsync.jobqueue.JobQueueMessages;
import org.contactsync.jobqueue.JobQueueService;
import org.contactsync.jobqueue.JobRegistry;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Job Queue Entries over HTTP, administrators only: the same rules and messages as the pages. */
@Path("job-queue-entries")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Job queue", description = "Scheduled jobs such as background contact sync (codeunit 6700)")
public class JobQueueEntryResource {

    @Inject
    JobQueueService service;

    @Inject
    JobQueueConfig config;

    @Inject
    JobRegistry registry;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Every job queue entry with its status and next run")
    public List<JobQueueEntryDto> list() {
        return service.entries(caller.get()).stream().map(this::dto).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One job queue entry")
    @APIResponse(responseCode = "404", description = "No such entry", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobQueueEntryDto get(@PathParam("id") long id) {
        return dto(service.entry(caller.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an entry", description = "Created On Hold; set it to Ready to schedule it.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = JobQueueEntryDto.class)))
    @APIResponse(responseCode = "400", description = "Values that cannot run, field by field", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(JobQueueEntryRequestDto body) {
        JobQueueEntry entry = service.create(caller.get(), required(body).settings());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(entry.getId())).build())
                .entity(dto(entry)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an entry", description = "A Ready entry goes On Hold. Refused while it runs.")
    @APIResponse(responseCode = "409", description = "It runs, or it changed since the version read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobQueueEntryDto update(@PathParam("id") long id, JobQueueEntryRequestDto body) {
        JobQueueEntryRequestDto request = required(body);
        long version = Optional.ofNullable(request.version())
                .orElseGet(() -> service.entry(caller.get(), id).getVersion());
        return dto(service.save(caller.get(), id, request.settings(), version));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an entry (and its log)")
    public Response delete(@PathParam("id") long id) {
        service.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/set-ready")
    @Operation(summary = "Set Status to Ready: schedule it from now on")
    public JobQueueEntryDto setReady(@PathParam("id") long id) {
        return dto(service.setReady(caller.get(), id));
    }

    @POST
    @Path("{id}/set-on-hold")
    @Operation(summary = "Set On Hold: no further runs")
    public JobQueueEntryDto setOnHold(@PathParam("id") long id) {
        return dto(service.setOnHold(caller.get(), id));
    }

    @POST
    @Path("{id}/run-once")
    @Operation(summary = "Run Once (foreground): run it now and answer when it has ended; its status is unchanged")
    public JobQueueLogEntryDto runOnce(@PathParam("id") long id) {
        return logDto(service.runOnce(caller.get(), id));
    }

    @GET
    @Path("{id}/log-entries")
    @Operation(summary = "The entry's runs, newest first, with what each did per employee")
    public List<JobQueueLogEntryDto> log(@PathParam("id") long id) {
        service.entry(caller.get(), id);
        return service.logEntries(caller.get(), Optional.of(id)).stream().map(this::logDto).toList();
    }

    private JobQueueEntryDto dto(JobQueueEntry entry) {
        return JobQueueEntryDto.of(entry, config.zone(), registry, ProblemMappers.locale(headers));
    }

    private JobQueueLogEntryDto logDto(JobQueueLogEntry log) {
        return JobQueueLogEntryDto.of(log, service.logItems(caller.get(), log.getId()), ProblemMappers.locale(headers));
    }

    private static JobQueueEntryRequestDto required(JobQueueEntryRequestDto body) {
        if (body == null) {
            throw new ApplicationException(Kind.INVALID, JobQueueMessages.of("entry.invalid"));
        }
        return body;
    }
}
