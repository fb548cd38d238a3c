package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.contactsync.employee.Caller;
import org.contactsync.employee.Role;
import org.contactsync.employee.UserMessages;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/** The signed-in caller of the current request, as the services want it. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    public Caller get() {
        var principal = security.getCallerPrincipal();
        if (principal == null) {
            // Only reachable through a page or resource the security constraints forgot to protect.
            throw new ApplicationException(Kind.FORBIDDEN, UserMessages.of("user.refused.signedOut"));
        }
        var roles = Arrays.stream(Role.values())
                .filter(role -> security.isCallerInRole(role.groupName()))
                .collect(Collectors.toSet());
        return new Caller(principal.getName(), roles);
    }
}
