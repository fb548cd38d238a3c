package org.contactsync.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON batching ({@code POST /$batch}): at most 20 requests with relative URLs; each is evaluated on its own
 * (limits included: every item counts) and answered with its own status, headers and body, matched by id. A request
 * runs after the requests it {@code dependsOn}; if one of those failed it gets 424 Failed Dependency.
 */
final class BatchProcessor {

    static final int MAX_REQUESTS = 20;

    private BatchProcessor() {
    }

    /** A parsed batch item. */
    private record Item(String id, GraphRequest request, List<String> dependsOn) {
    }

    static GraphResponse execute(GraphRequest batch, Function<GraphRequest, GraphResponse> executor) {
        List<Item> items = parse(batch);
        Map<String, Integer> statusById = new HashMap<>();
        Map<String, JsonObject> responses = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        items.forEach(item -> pending.add(item.id()));
        while (!pending.isEmpty()) {
            Item next = items.stream()
                    .filter(i -> pending.contains(i.id()))
                    .filter(i -> i.dependsOn().stream().noneMatch(pending::contains))
                    .findFirst()
                    .orElseThrow(() -> GraphError.badRequest("BadRequest", "The dependsOn of the batch requests form a cycle."));
            pending.remove(next.id());
            boolean dependencyFailed = next.dependsOn().stream().anyMatch(d -> statusById.get(d) >= 400);
            GraphResponse response = dependencyFailed ? failedDependency() : executor.apply(next.request());
            statusById.put(next.id(), response.status());
            responses.put(next.id(), render(next.id(), response));
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        responses.values().forEach(array::add);
        return GraphResponse.json(200, Json.createObjectBuilder().add("responses", array).build());
    }

    private static List<Item> parse(GraphRequest batch) {
        JsonArray requests = batch.body()
                .filter(b -> b.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .filter(b -> b.get("requests") instanceof JsonArray)
                .map(b -> b.getJsonArray("requests"))
                .orElseThrow(() -> GraphError.badRequest("BadRequest", "Invalid batch payload format."));
        if (requests.size() > MAX_REQUESTS) {
            throw GraphError.badRequest("BadRequest", "The batch contains " + requests.size()
                    + " requests; a batch holds at most " + MAX_REQUESTS + ".");
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue value : requests) {
            Item item = item(value, batch);
            if (!ids.add(item.id())) {
                throw GraphError.badRequest("BadRequest", "Batch request id '" + item.id() + "' is not unique.");
            }
            items.add(item);
        }
        for (Item item : items) {
            for (String dependency : item.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw GraphError.badRequest("BadRequest", "Request '" + item.id() + "' depends on '" + dependency
                            + "', which is not in the batch.");
                }
            }
        }
        return items;
    }

    private static Item item(JsonValue value, GraphRequest batch) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphError.badRequest("BadRequest", "Invalid batch payload format.");
        }
        JsonObject json = value.asJsonObject();
        String id = requiredString(json, "id");
        String method = requiredString(json, "method");
        String url = requiredString(json, "url");
        Map<String, String> headers = new LinkedHashMap<>();
        if (json.get("headers") instanceof JsonObject h) {
            // The SDK sends both content-type and Content-Type: a duplicate is harmless.
            h.forEach((name, v) -> headers.put(name, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        batch.header("Authorization").ifPresent(a -> headers.put("Authorization", a));
        List<String> dependsOn = new ArrayList<>();
        if (json.get("dependsOn") instanceof JsonArray d) {
            d.forEach(v -> dependsOn.add(v instanceof JsonString s ? s.getString() : v.toString()));
        }
        Optional<JsonValue> body = Optional.ofNullable(json.get("body"))
                .filter(b -> b.getValueType() != JsonValue.ValueType.NULL);
        return new Item(id, relativeRequest(method, url, headers, body, batch.serviceRoot()), dependsOn);
    }

    /**
     * A relative batch URL ({@code /users/…?…}) as a request. The Graph SDK builds it by cutting five characters
     * ({@code /v1.0}) off the request path, so under a longer base path such as {@code /sandbox/graph/v1.0} it sends
     * {@code box/graph/v1.0/users/…}; the sandbox takes what follows its own {@code /v1.0/}. Graph never sees that
     * form because its base path is exactly {@code /v1.0}.
     */
    static GraphRequest relativeRequest(String method, String url, Map<String, String> headers,
                                        Optional<JsonValue> body, String serviceRoot) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            throw GraphError.badRequest("BadRequest", "Batch request URLs must be relative: '" + url + "'.");
        }
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? "" : url.substring(question + 1);
        int versionEnd = path.indexOf("/v1.0/");
        if (versionEnd >= 0) {
            path = path.substring(versionEnd + "/v1.0".length());
        }
        StringBuilder decodedPath = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                decodedPath.append('/').append(decode(segment.replace("+", "%2B")));
            }
        }
        return new GraphRequest(method, decodedPath.toString(), parseQuery(query), headers, body, serviceRoot);
    }

    /** Decodes a URL query string into parameters. */
    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String requiredString(JsonObject json, String name) {
        if (json.get(name) instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        throw GraphError.badRequest("BadRequest", "A batch request needs '" + name + "'.");
    }

    private static GraphResponse failedDependency() {
        return GraphResponse.json(424, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", "FailedDependency")
                .add("message", "The request depends on a request that failed.")).build());
    }

    private static JsonObject render(String id, GraphResponse response) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        response.headers().forEach(headers::add);
        if (response.body().isPresent()) {
            headers.add("Content-Type", "application/json");
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("status", response.status())
                .add("headers", headers);
        response.body().ifPresent(b -> json.add("body", b));
        return json.build();
    }
}
