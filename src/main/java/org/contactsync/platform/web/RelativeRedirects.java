package org.contactsync.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Writes every redirect's {@code Location} that points back into this application as a path ({@code /login.xhtml})
 * instead of an absolute URL. The servlet container and Jakarta Security build absolute URLs from the request's {@code Host}
 * header, which the client chooses: {@code Host: evil.example} would come back as a redirect to evil.example (cache
 * poisoning, links in mails). A path needs no host, and RFC 9110 (10.2.2) allows a relative {@code Location}.
 * Redirects to other hosts are kept as they are. The {@code Location} of a 201 or 202 from the API (not a redirect)
 * stays the absolute URL JAX-RS builds: clients resolve it as given, and it only goes back to the client that sent
 * the Host.
 */
public final class RelativeRedirects extends HttpServletResponseWrapper {

    private static final String LOCATION = "Location";

    private final HttpServletRequest request;

    public RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        // The container's own sendRedirect would turn a path back into an absolute URL with the Host header.
        resetBuffer();
        setStatus(SC_FOUND);
        setHeader(LOCATION, location);
        flushBuffer();
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, isRedirectLocation(name) ? local(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, isRedirectLocation(name) ? local(value) : value);
    }

    /** Redirects set their 3xx status before the Location (sendRedirect, Jakarta Security's redirect). */
    private boolean isRedirectLocation(String header) {
        return LOCATION.equalsIgnoreCase(header) && getStatus() >= 300 && getStatus() < 400;
    }

    /** The path of a location on this server (whatever Host it was built with); other locations unchanged. */
    private String local(String location) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (!uri.isAbsolute()) {
            return location.startsWith("/") ? location
                    : URI.create(request.getRequestURI()).resolve(uri).toString();
        }
        boolean sameServer = uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                && effectivePort(uri) == request.getServerPort();
        if (!sameServer) {
            return location;
        }
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
