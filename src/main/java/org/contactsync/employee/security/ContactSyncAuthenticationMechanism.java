package org.contactsync.employee.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.contactsync.api.Problem;
import org.contactsync.platform.web.RelativeRedirects;
import org.contactsync.platform.web.SecurityHeaders;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), routing by path:
 * <ul>
 * <li>{@code /sandbox/*}: nothing; the Microsoft 365 sandbox checks its own bearer tokens. Entra's token URL of a
 * tenant the sandbox does not serve goes to the sandbox's token endpoint, which answers as Entra does.</li>
 * <li>{@code /api/*}: HTTP Basic with user name and web service access key on every request. No session, and no
 * redirect to the login page: a missing or wrong key gets 401 with {@code WWW-Authenticate} and problem+json.</li>
 * <li>pages ({@code *.xhtml} and folders): {@link PageSignIn} (login page, session, back to the page asked for).</li>
 * <li>any other protected path without a signed-in user: 401 without a redirect. Otherwise a browser's own
 * background request (such as {@code /favicon.ico}) would replace the page to return to after sign-in.</li>
 * </ul>
 * The API branch stays outside {@code @LoginToContinue} and {@code @AutoApplySession} on purpose: those would send
 * API clients to the login page and give every API call a session.
 */
@ApplicationScoped
public class ContactSyncAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Contact Sync";
    private static final Pattern ROOT_TOKEN_PATH = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PageSignIn pages;

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // Here as well as in the filter: a 401 or the redirect to the login page is answered before any filter.
        SecurityHeaders.applyTo(request, response);
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (isTokenRequestForAnUnmappedTenant(path, context)) {
            return forwardToTheSandboxTokenEndpoint(request, response, path);
        } else if (path.equals("/sandbox") || path.startsWith("/sandbox/")) {
            return context.doNothing();
        }
        if (path.startsWith("/api/") || isMetrics(path) && request.getHeader("Authorization") != null) {
            return apiCall(request, response, context);
        }
        if (isPage(path) || request.getUserPrincipal() != null || !context.isProtected()) {
            return pageRequest(request, response, context);
        }
        return context.responseUnauthorized();
    }

    /** Metrics scrapers sign in as an admin the way API clients do; an admin's browser uses the session. */
    private static boolean isMetrics(String path) {
        return path.equals("/metrics") || path.startsWith("/metrics/");
    }

    /** Sign-in for pages, with its redirects (to the login page and back) kept free of the Host header. */
    private AuthenticationStatus pageRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        var relative = new RelativeRedirects(request, response);
        context.setResponse(relative);
        try {
            return pages.validateRequest(request, relative, context);
        } finally {
            context.setResponse(response);
        }
    }

    private static boolean isPage(String path) {
        return path.endsWith(".xhtml") || path.endsWith("/");
    }

    /**
     * Entra's token URL at the root ({@code /{tenant}/oauth2/v2.0/token}) for a tenant the sandbox does not serve:
     * its own tenant's URLs are mapped and open ({@code SandboxTokenEndpointRegistration}), so only others are
     * protected here. Entra answers them with AADSTS90002, not with a sign-in challenge.
     */
    private static boolean isTokenRequestForAnUnmappedTenant(String path, HttpMessageContext context) {
        return context.isProtected() && ROOT_TOKEN_PATH.matcher(path).matches();
    }

    /**
     * Lets the sandbox's token endpoint answer (404 while the sandbox is off, as every {@code /sandbox} URL), the
     * same way as under its own path.
     */
    private static AuthenticationStatus forwardToTheSandboxTokenEndpoint(HttpServletRequest request,
            HttpServletResponse response, String path) {
        try {
            request.getRequestDispatcher("/sandbox/login" + path).forward(request, response);
        } catch (ServletException | IOException e) {
            throw new IllegalStateException("The sandbox token endpoint could not answer " + path, e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus apiCall(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        var result = basicCredential(request)
                .map(identityStores::validate)
                .filter(r -> r.getStatus() == CredentialValidationResult.Status.VALID);
        if (result.isPresent()) {
            return context.notifyContainerAboutLogin(result.get());
        }
        return unauthorized(request, response);
    }

    private static Optional<AccessKeyCredential> basicCredential(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            var basic = new BasicAuthenticationCredential(header.substring(6).strip());
            return Optional.of(new AccessKeyCredential(basic.getCaller(), basic.getPasswordAsString()));
        } catch (IllegalArgumentException malformed) {
            // Not Base64 or empty: the same answer as for wrong credentials.
            return Optional.empty();
        }
    }

    /**
     * Writes and commits the 401 here: the container would otherwise answer with its own HTML error page.
     *
     * <p>The {@code WWW-Authenticate: Basic} challenge goes only to clients that ask for JSON and are not a web page
     * (no {@code Origin}): a browser shown the challenge asks for the user name and key and then sends them with
     * every later request to the API, also requests other sites make it send. Browsers never send
     * {@code Accept: application/json} by themselves when opening a URL. API clients send their credentials without
     * waiting for a challenge anyway ({@code curl -u}); those that wait for one ask for JSON.
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response) {
        var problem = Problem.of(401, "Unauthorized",
                "Sign in with HTTP Basic authentication: your user name and your web service access key "
                        + "(User Card, Change Web Service Key).");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if (request.getHeader("Origin") == null && asksForJson(request.getHeader("Accept"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(JSON.toJson(problem));
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("The 401 answer could not be written", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean asksForJson(String accept) {
        return accept != null && (accept.contains("application/json") || accept.contains("+json"));
    }
}
