package org.contactsync.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (OWASP ASVS 14.4), written by {@link SecurityHeadersFilter} and, for
 * the answers written before any filter runs (a 401, the redirect to the login page), by the authentication
 * mechanism.
 *
 * <p>Content-Security-Policy comes in two parts, both enforced: {@link #BASE_POLICY} here on every response, and on
 * every JSF page PrimeFaces' CSP mode ({@code primefaces.CSP} in web.xml) adds {@code script-src 'self' 'nonce-…'}
 * with a fresh nonce per page, turning PrimeFaces' and JSF's inline scripts and {@code on…} handlers into nonce'd
 * scripts. A browser runs a script only when both policies allow it, so pages run no inline script without the
 * nonce; the base policy therefore leaves inline scripts to the page policy. Inline styles stay allowed: PrimeFaces
 * positions overlays, dialogs and menus with {@code style} attributes.
 */
public final class SecurityHeaders {

    static final String BASE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] STATIC_PREFIXES = {"/jakarta.faces.resource/", "/resources/", "/favicon.ico"};

    private SecurityHeaders() {
    }

    public static void applyTo(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", BASE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!isStaticResource(request)) {
            // Pages and API answers hold personal data: no copy in the browser's or a proxy's cache, none shown by
            // the Back button after Sign out.
            response.setHeader("Cache-Control", "no-store");
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        for (var prefix : STATIC_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
