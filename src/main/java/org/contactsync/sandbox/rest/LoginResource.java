package org.contactsync.sandbox.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.contactsync.sandbox.IdentityResponse;
import org.contactsync.sandbox.Sandbox;

/**
 * Entra ID's v2.0 token endpoint for the sandbox tenant at {@code /sandbox/login/{tenant}/oauth2/v2.0/token}: Entra's
 * URL shape under the authority host {@code https://host:port/sandbox/login}, for curl and OAuth clients that keep
 * an authority's path. MSAL (azure-identity) does not: it posts to {@code https://host/{tenant}/oauth2/v2.0/token},
 * which {@link SandboxTokenServlet} serves.
 */
@Path("login/{tenant}/oauth2/v2.0/token")
@RequestScoped
public class LoginResource {

    @Inject
    Sandbox sandbox;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@PathParam("tenant") String tenant, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = new HashMap<>();
        form.forEach((name, values) -> parameters.put(name, values.isEmpty() ? "" : values.get(0)));
        IdentityResponse answer = sandbox.requestToken(tenant, parameters);
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache")
                .entity(answer.body().toString())
                .build();
    }
}
