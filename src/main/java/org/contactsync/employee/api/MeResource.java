package org.contactsync.employee.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.contactsync.employee.Role;
import org.contactsync.employee.User;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the API caller is: proves that the web service access key works and tells a client whose data it sees. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller's user card, without secrets. */
    public record Me(String userName, String fullName, String authenticationEmail, List<String> roles) {

        static Me of(User user) {
            return new Me(user.getUserName(), user.getFullName(), user.authenticationEmail().orElse(""),
                    user.getRoles().stream().sorted().map(Role::groupName).toList());
        }
    }

    @Inject
    CurrentCaller caller;

    @Inject
    UserService users;

    @GET
    @Operation(summary = "The signed-in user: user name, full name, Microsoft 365 authentication e-mail and roles")
    public Me me() {
        var current = caller.get();
        return Me.of(users.card(current, current.userName()));
    }
}
