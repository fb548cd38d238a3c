package org.contactsync.sandbox;

import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox answers: status, headers and an optional JSON body. {@code dropConnection} asks the HTTP layer to
 * break the connection instead of answering (an injected fault).
 */
public record GraphResponse(int status, Map<String, String> headers, Optional<JsonValue> body, boolean dropConnection) {

    public GraphResponse {
        headers = Map.copyOf(headers);
    }

    static GraphResponse json(int status, JsonValue body) {
        return new GraphResponse(status, Map.of(), Optional.of(body), false);
    }

    static GraphResponse noContent() {
        return new GraphResponse(204, Map.of(), Optional.empty(), false);
    }

    static GraphResponse dropped() {
        return new GraphResponse(0, Map.of(), Optional.empty(), true);
    }

    GraphResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphResponse(status, more, body, dropConnection);
    }
}
