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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * JSON batching ({@code POST /$batch}, microsoft-graph-docs-contrib concepts/json-batching.md): at most 20 requests
 * with URLs relative to the version root; each is evaluated on its own (limits included: every item counts) and
 * answered with its own status, headers and body, matched by id. A batch is either fully parallel (no
 * {@code dependsOn}) or fully sequential (each item depends on the one before it); any other shape is refused whole
 * with 400, as Graph does. In a sequential batch the items after a failed one get 424 Failed Dependency. How a
 * parallel batch's items reach Exchange is a setting ({@link BatchDispatch}).
 */
final class BatchProcessor {

    static final int MAX_REQUESTS = 20;
    static final String MIXED_SHAPE = "Batch should be either fully sequential or fully parallel";
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private BatchProcessor() {
    }

    /** A parsed batch item. */
    private record Item(String id, GraphRequest request, List<String> dependsOn) {
    }

    /** Runs one batch item against the mailbox, never throwing: errors are Graph error responses. */
    @FunctionalInterface
    interface ItemRunner {
        GraphResponse run(GraphRequest item, Admission admission);
    }

    /**
     * An item's place at Exchange. When a batch's items all reach Exchange at once, each keeps the place it was given
     * until every item of the batch has asked for one, so that which items the mailbox's concurrency limit refuses
     * does not depend on how fast the others happen to finish.
     */
    interface Admission {

        /** The item asked Exchange for a place (given or refused). */
        void asked();

        /** Holds the place given until every item of the batch has asked. */
        void awaitOthers();

        /** For requests that arrive on their own, and for items that Graph hands over one or four at a time. */
        Admission NONE = new Admission() {
            @Override
            public void asked() {
            }

            @Override
            public void awaitOthers() {
            }
        };
    }

    /**
     * Runs the batch as Graph does: a sequential batch item after item on the calling thread, 424 for the items after
     * a failed one; a parallel batch's items on {@code threads}, as many at a time as {@code dispatch} says. Answers
     * come in the order of the request; clients match them by id, as Graph's may come in any order.
     */
    static GraphResponse execute(GraphRequest batch, ItemRunner runner, Executor threads, BatchDispatch dispatch) {
        List<Item> items = parse(batch);
        Map<String, GraphResponse> answers;
        if (isSequential(items)) {
            answers = inSequence(items, runner);
        } else if (items.stream().allMatch(item -> item.dependsOn().isEmpty())) {
            answers = inParallel(items, runner, threads, dispatch);
        } else {
            throw GraphError.badRequest("BadRequest", MIXED_SHAPE);
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(render(item.id(), answers.get(item.id()))));
        return GraphResponse.json(200, JSON.createObjectBuilder().add("responses", array).build());
    }

    /** Every item after the first depends on exactly the item before it (a batch of one is sequential too). */
    private static boolean isSequential(List<Item> items) {
        for (int i = 1; i < items.size(); i++) {
            List<String> dependsOn = items.get(i).dependsOn();
            if (dependsOn.size() != 1 || !dependsOn.get(0).equalsIgnoreCase(items.get(i - 1).id())) {
                return false;
            }
        }
        return items.isEmpty() || items.get(0).dependsOn().isEmpty();
    }

    private static Map<String, GraphResponse> inSequence(List<Item> items, ItemRunner runner) {
        Map<String, GraphResponse> answers = new HashMap<>();
        GraphResponse previous = null;
        for (Item item : items) {
            GraphResponse answer = previous != null && previous.status() >= 400
                    ? failedDependency() : runner.run(item.request(), Admission.NONE);
            answers.put(item.id(), answer);
            previous = answer;
        }
        return answers;
    }

    /**
     * A parallel batch: workers take the items in order, four of them ({@link BatchDispatch#FOUR_AT_A_TIME}) or one
     * per item ({@link BatchDispatch#ALL_AT_ONCE}, where the items also hold their places until all have asked).
     */
    private static Map<String, GraphResponse> inParallel(List<Item> items, ItemRunner runner, Executor threads,
                                                         BatchDispatch dispatch) {
        boolean allAtOnce = dispatch == BatchDispatch.ALL_AT_ONCE;
        int workers = allAtOnce ? items.size() : Math.min(BatchDispatch.GRAPH_ITEMS_AT_A_TIME, items.size());
        CountDownLatch everyItemAsked = new CountDownLatch(allAtOnce ? items.size() : 0);
        Queue<Item> waiting = new ConcurrentLinkedQueue<>(items);
        Map<String, GraphResponse> answers = new ConcurrentHashMap<>();
        CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
        for (int w = 0; w < workers; w++) {
            running[w] = CompletableFuture.runAsync(() -> {
                for (Item item = waiting.poll(); item != null; item = waiting.poll()) {
                    Admission admission = allAtOnce ? new BatchAdmission(everyItemAsked) : Admission.NONE;
                    try {
                        answers.put(item.id(), runner.run(item.request(), admission));
                    } finally {
                        admission.asked();
                    }
                }
            }, threads);
        }
        join(CompletableFuture.allOf(running));
        return answers;
    }

    /** One item's admission in a batch whose items all reach Exchange at once. */
    private static final class BatchAdmission implements Admission {
        private final CountDownLatch everyItemAsked;
        private final AtomicBoolean asked = new AtomicBoolean();

        BatchAdmission(CountDownLatch everyItemAsked) {
            this.everyItemAsked = everyItemAsked;
        }

        @Override
        public void asked() {
            if (asked.compareAndSet(false, true)) {
                everyItemAsked.countDown();
            }
        }

        @Override
        public void awaitOthers() {
            try {
                everyItemAsked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void join(CompletableFuture<?> work) {
        try {
            work.join();
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
        Set<String> earlierIds = new HashSet<>();
        for (JsonValue value : requests) {
            Item item = item(value, batch);
            // A dependency must come earlier in the batch (msgraph-sdk-java issue 2109: "Invalid dependency for
            // request Id"); ids are not case-sensitive (json-batching.md).
            for (String dependency : item.dependsOn()) {
                if (!earlierIds.contains(dependency.toLowerCase(Locale.ROOT))) {
                    throw GraphError.badRequest("BadRequest", "Invalid dependency for request Id '" + item.id() + "'.");
                }
            }
            if (!earlierIds.add(item.id().toLowerCase(Locale.ROOT))) {
                throw GraphError.badRequest("BadRequest", "Batch request id '" + item.id() + "' is not unique.");
            }
            items.add(item);
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
     * A batch item's URL as a request. Graph takes it relative to the version root, with or without the leading slash
     * ({@code /users/…} or {@code users/…}, json-batching.md's example 5); anything after is a path of its own (a
     * {@code /v1.0/users/…} item gets "Resource not found for the segment", msgraph-sdk-javascript issue 1178). An
     * absolute URL makes the whole batch 400 "Invalid batch payload format." (microsoft-graph-docs-contrib issue 8576).
     */
    static GraphRequest relativeRequest(String method, String url, Map<String, String> headers,
                                        Optional<JsonValue> body, String serviceRoot) {
        if (ABSOLUTE_URL.matcher(url).matches()) {
            throw GraphError.badRequest("BadRequest", "Invalid batch payload format.");
        }
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? "" : url.substring(question + 1);
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
