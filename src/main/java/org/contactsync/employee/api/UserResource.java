package org.contactsync.employee.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.contactsync.api.Problem;
import org.contactsync.employee.UserMessages;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Users over HTTP, administrators only (provisioning): the User Card's actions with its rules and messages, all
 * {@link UserService}'s. Secrets are answered once, by the request that issued them.
 */
@Path("users")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Provisioning: users, roles, state and web service access keys (admins only)")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Every user, by user name")
    public List<UserDto> list() {
        return users.list(caller.get()).stream().map(UserDto::of).toList();
    }

    @GET
    @Path("{userName}")
    @Operation(summary = "One user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserDto get(@PathParam("userName") String userName) {
        return UserDto.of(users.card(caller.get(), userName));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", description = "Safe to repeat: a user name (or e-mail) another user has "
            + "is refused with 409 and nothing is created. With oneTimePassword false no password is hashed, "
            + "which makes creating many users fast.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewUserRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the user",
            content = @Content(schema = @Schema(implementation = NewUserDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The user name or e-mail is taken, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(NewUserRequest body) {
        var request = required(body);
        var issued = users.create(caller.get(), request.details(validator), request.initialPassword());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.user().getUserName()).build())
                .entity(new NewUserDto(UserDto.of(issued.user()), issued.oneTimePassword().orElse(null))).build();
    }

    @PATCH
    @Path("{userName}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Change full name, Microsoft 365 e-mail, roles or state", description = "Fields given "
            + "are set, others kept. An admin cannot remove their own admin role nor disable themselves, so an "
            + "enabled admin always remains.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserChangeRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed user",
            content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors; or no field given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "It would leave no enabled admin", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The e-mail is taken, or the user changed since version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserDto change(@PathParam("userName") String userName, UserChangeRequest body) {
        var current = users.card(caller.get(), userName);
        var request = required(body);
        if (request.changesNothing()) {
            throw new ApplicationException(Kind.INVALID, UserMessages.of("user.api.nothingToChange"));
        }
        long version = Optional.ofNullable(request.version()).orElse(current.getVersion());
        return UserDto.of(users.update(caller.get(), request.applyTo(validator, current.details()), version));
    }

    @DELETE
    @Path("{userName}")
    @Operation(summary = "Delete a user", description = "With their Contact Sync Setup, sync runs and links; "
            + "contacts stay. An admin cannot delete themselves, so an enabled admin always remains.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller's own user", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public Response delete(@PathParam("userName") String userName) {
        users.delete(caller.get(), userName);
        return Response.noContent().build();
    }

    @POST
    @Path("{userName}/access-key")
    @Operation(summary = "Issue a new web service access key", description = "The previous key stops working at "
            + "once. The new key is in this answer only: it is stored as a hash and never shown again.")
    @APIResponse(responseCode = "200", description = "The new key",
            content = @Content(schema = @Schema(implementation = AccessKeyDto.class)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccessKeyDto newAccessKey(@PathParam("userName") String userName) {
        var key = users.changeWebServiceKey(caller.get(), userName);
        var user = users.card(caller.get(), userName);
        return new AccessKeyDto(user.getUserName(), key, user.webServiceKeyChanged().orElseThrow());
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ApplicationException(Kind.INVALID, UserMessages.of("user.api.noBody"));
        }
        return body;
    }
}
