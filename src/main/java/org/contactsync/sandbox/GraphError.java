package org.contactsync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Graph error response: HTTP status plus the {@code {"error":{"code","message"}}} body every Graph client maps
 * (the SDK to {@code ODataError}). Thrown by the model, rendered by {@link Sandbox}.
 */
public final class GraphError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public GraphError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public GraphError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphError(status, code, getMessage(), more);
    }

    // The errors the sandbox raises in more than one place, with Graph's own codes and messages.

    static GraphError itemNotFound() {
        return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    static GraphError invalidUser(String user) {
        return new GraphError(404, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
    }

    static GraphError badRequest(String code, String message) {
        return new GraphError(400, code, message);
    }

    static GraphError segmentNotFound(String segment) {
        return new GraphError(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    static GraphError invalidFilter() {
        return new GraphError(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
    }
}
