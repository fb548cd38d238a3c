package org.contactsync.sandbox.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.contactsync.sandbox.IdentityResponse;
import org.contactsync.sandbox.Sandbox;

/**
 * Entra ID's token endpoint where MSAL (azure-identity) really posts: {@code https://{authority host}/{tenant}/oauth2/v2.0/token}.
 * MSAL keeps only the host of the authority and puts the tenant in the first path segment, so the sandbox serves
 * this path at the application's root, registered by {@link SandboxTokenEndpointRegistration} for the sandbox tenant's
 * name and id. Works when the application runs at the root context ({@code --contextroot /}).
 */
public class SandboxTokenServlet extends HttpServlet {

    @Inject
    transient Sandbox sandbox;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String tenant = request.getServletPath().split("/")[1];
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        IdentityResponse answer = sandbox.requestToken(tenant, form);
        write(response, answer);
    }

    static void write(HttpServletResponse response, IdentityResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setHeader("Pragma", "no-cache");
        response.getOutputStream().write(answer.body().toString().getBytes(StandardCharsets.UTF_8));
    }
}
