package org.contactsync.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.contactsync.api.Problem;
import org.contactsync.api.ProblemMappers;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.ConnectionChecks;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exchange Sync / Contact Sync Setup over HTTP: the pages' service methods, so the same rules, refusals and counts.
 * Opening a setup that does not exist yet creates it with Business Central's defaults, as the pages do.
 */
@Path("contact-sync-setups/{userName}")
@RequestScoped
@RolesAllowed({"admin", "employee"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact Sync Setups", description = "Each employee's Exchange Sync / Contact Sync Setup: employees "
        + "their own, admins anyone's")
public class ContactSyncSetupResource {

    @Inject
    ExchangeSyncService setups;

    @Inject
    ConnectionChecks checks;

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "An employee's setup", description = "With the number of contacts its filter lets "
            + "through and how many of them will sync.")
    @APIResponse(responseCode = "200", description = "The setup",
            content = @Content(schema = @Schema(implementation = ContactSyncSetupDto.class)))
    @APIResponse(responseCode = "403", description = "Another employee's setup", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactSyncSetupDto get(@PathParam("userName") String userName) {
        return dto(setups.open(caller.get(), userName));
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Change folder name, filter, background sync or keep-in-Outlook", description = "Fields "
            + "given are set, others kept; validated as on the Contact Sync Setup page, every bad field named.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ContactSyncSetupChangeRequest.class)))
    @APIResponse(responseCode = "200", description = "The saved setup with its counts",
            content = @Content(schema = @Schema(implementation = ContactSyncSetupDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors (filter.<field> for a "
            + "filter expression); or no field given", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another employee's setup")
    @APIResponse(responseCode = "409", description = "Changed by someone else since version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactSyncSetupDto change(@PathParam("userName") String userName, ContactSyncSetupChangeRequest body) {
        var current = setups.open(caller.get(), userName);
        if (body == null || body.changesNothing()) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("setup.api.nothingToChange"));
        }
        long version = Optional.ofNullable(body.version()).orElse(current.getVersion());
        try {
            return dto(setups.save(caller.get(), userName, body.applyTo(current.settings()), version));
        } catch (ApplicationException refusal) {
            throw FilterJson.withApiFieldNames(refusal);
        }
    }

    @POST
    @Path("validate-mailbox")
    @Operation(summary = "Validate Exchange Connection", description = "Reaches the employee's mailbox through "
            + "the Microsoft 365 connection and says what it found, as the Exchange Sync Setup page does.")
    @APIResponse(responseCode = "200", description = "What was found, reachable or not",
            content = @Content(schema = @Schema(implementation = MailboxCheckDto.class)))
    @APIResponse(responseCode = "400", description = "The user card has no Microsoft 365 e-mail", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another employee's mailbox")
    @APIResponse(responseCode = "409", description = "No Microsoft 365 connection is set up", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MailboxCheckDto validateMailbox(@PathParam("userName") String userName) {
        var result = checks.validateMailbox(caller.get(), userName);
        return new MailboxCheckDto(setups.authenticationEmail(caller.get(), userName).orElse(""), result.ok(),
                result.outcome(), ConnectionChecks.mailboxMessage(result).in(ProblemMappers.locale(headers)),
                result.technicalDetail());
    }

    private ContactSyncSetupDto dto(ExchangeSync setup) {
        var filter = setup.filter();
        return ContactSyncSetupDto.of(setup, setups.authenticationEmail(caller.get(), setup.getUserName()).orElse(""),
                setups.count(filter), setups.countWillSync(filter), ProblemMappers.locale(headers));
    }
}
