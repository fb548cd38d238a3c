package org.contactsync.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses requests that change something and that a web page on another site could have sent (cross-site request
 * forgery with credentials a browser remembered):
 * <ul>
 * <li>an {@code Origin} header other than the application's own ({@code contactsync.public-url}): 403. Browsers
 * send {@code Origin} with every cross-site {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE}, form posts
 * and {@code fetch} alike; API clients (curl, scripts, other servers) send none;</li>
 * <li>a body that is not JSON: 415. An HTML form can only post {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} or {@code text/plain}; a body-less request may leave the type out.</li>
 * </ul>
 * Pre-matching, so that it also covers body-less action routes ({@code .../set-on-hold}) and unknown paths.
 */
@Provider
@PreMatching
public class CrossSiteRequests implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String ownOrigin = origin(ConfigProvider.getConfig()
            .getOptionalValue("contactsync.public-url", String.class).orElse("http://localhost:8080"));

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        var origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin)) {
            request.abortWith(Problem.of(403, "Forbidden",
                    "Requests from web pages of other sites are refused (Origin " + origin + ").").toResponse());
            return;
        }
        var type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && !isJson(type)) {
            request.abortWith(Problem.of(415, "Unsupported Media Type",
                    "Send the request body as JSON (Content-Type: application/json).").toResponse());
        }
    }

    /** application/json and the JSON-based types such as application/merge-patch+json. */
    static boolean isJson(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** scheme://host[:port] of a URL, lower case, without a default port, as browsers write Origin. */
    static String origin(String url) {
        var uri = URI.create(url.strip());
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || (scheme.equals("http") && uri.getPort() == 80)
                || (scheme.equals("https") && uri.getPort() == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }
}
