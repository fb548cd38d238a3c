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
 * Entra ID's v2.0 token endpoint for the sandbox tenant, twice:
 * <ul>
 * <li>{@code /sandbox/login/{tenant}/oauth2/v2.0/token}: Entra's URL shape under the authority host
 * {@code https://host:port/sandbox/login}, tenant checked; for curl and any OAuth client that keeps the path.</li>
 * <li>{@code /sandbox/oauth2/v2.0/token}: where MSAL (azure-identity) really posts. MSAL keeps only the host and the
 * <em>first</em> path segment of an authority ({@code AADAuthority}: {@code https://host/{firstSegment}/oauth2/v2.0/token}),
 * so with {@code authorityHost("https://host:port/sandbox")} (application at the root context) it calls this URL and
 * the tenant id never reaches the server; this endpoint answers for the configured sandbox tenant.</li>
 * </ul>
 */
@Path("")
@RequestScoped
public class LoginResource {

    @Inject
    Sandbox sandbox;

    @POST
    @Path("oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tokenForMsal(MultivaluedMap<String, String> form) {
        return token(sandbox.settings().tenant(), form);
    }

    @POST
    @Path("login/{tenant}/oauth2/v2.0/token")
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
