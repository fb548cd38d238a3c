package org.contactsync.sandbox;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Graph request as the sandbox sees it, whether it came over HTTP or inside a {@code $batch}.
 *
 * @param method     HTTP method, upper case
 * @param path       the path after {@code /v1.0}, starting with {@code /}, percent-decoded segment by segment
 * @param query      query parameters, decoded (e.g. {@code $filter})
 * @param headers    request headers; look-ups ignore case
 * @param body       the JSON body, if any
 * @param serviceRoot the absolute URL of {@code /v1.0} as the client reached it, for next and delta links
 */
public record GraphRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           Optional<JsonValue> body, String serviceRoot) {

    public GraphRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
