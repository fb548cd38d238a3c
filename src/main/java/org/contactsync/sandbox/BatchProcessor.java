package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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

    /**
     * Runs the batch's items as Graph does: every item whose dependencies have answered runs at once on
     * {@code threads} (so a batch of more than 4 independent items to one mailbox throttles itself against the
     * mailbox's concurrency limit, as peers saw on Graph), each after the items it {@code dependsOn}, and 424 when
     * one of those failed. Answers may come in any order, as on Graph; clients match them by id.
     */
    static GraphResponse execute(GraphRequest batch, Function<GraphRequest, GraphResponse> executor, Executor threads) {
        Map<String, CompletableFuture<GraphResponse>> answers = new LinkedHashMap<>();
        for (Item item : inDependencyOrder(parse(batch))) {
            List<CompletableFuture<GraphResponse>> dependencies = item.dependsOn().stream().map(answers::get).toList();
            answers.put(item.id(), CompletableFuture.allOf(dependencies.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(ready -> dependencies.stream().anyMatch(d -> d.join().status() >= 400)
                            ? failedDependency() : executor.apply(item.request()), threads));
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        answers.forEach((id, answer) -> array.add(render(id, join(answer))));
        return GraphResponse.json(200, JSON.createObjectBuilder().add("responses", array).build());
    }

    /** The items, each after the items it depends on; 400 when the dependencies form a cycle. */
    private static List<Item> inDependencyOrder(List<Item> items) {
        List<Item> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < items.size()) {
            Item next = items.stream()
                    .filter(i -> !placed.contains(i.id()))
                    .filter(i -> placed.containsAll(i.dependsOn()))
                    .findFirst()
                    .orElseThrow(() -> GraphError.badRequest("BadRequest", "The dependsOn of the batch requests form a cycle."));
            ordered.add(next);
            placed.add(next.id());
        }
        return ordered;
    }

    private static GraphResponse join(CompletableFuture<GraphResponse> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
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
        return GraphResponse.json(424, JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("code", "FailedDependency")
                .add("message", "The request depends on a request that failed.")).build());
    }

    private static JsonObject render(String id, GraphResponse response) {
        JsonObjectBuilder headers = JSON.createObjectBuilder();
        response.headers().forEach(headers::add);
        if (response.body().isPresent()) {
            headers.add("Content-Type", "application/json");
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id)
                .add("status", response.status())
                .add("headers", headers);
        response.body().ifPresent(b -> json.add("body", b));
        return json.build();
    }
}
