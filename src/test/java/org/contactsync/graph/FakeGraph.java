package org.contactsync.graph;

import com.azure.core.credential.AccessToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A scripted Graph {@code $batch} endpoint on loopback http, for unit tests of the gateway's batching: it records
 * every batch it receives and answers each item with what the test's responder says, within Graph's rules
 * (concepts/json-batching.md): a batch that is neither fully parallel nor one {@code dependsOn} chain is refused
 * whole with 400, the items after a failed one in a chain get 424, and an item URL that is not relative to the
 * version root gets 400. Batch requests are served concurrently; {@link #maxInFlight} says how many were at most.
 */
final class FakeGraph implements AutoCloseable {

    /** One answer to a batch item. */
    record Item(int status, JsonObject body, String retryAfter) {
        static Item of(int status, JsonObject body) {
            return new Item(status, body, "");
        }
    }

    final List<List<JsonObject>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** The client ports batch requests came from: one per TCP connection the clients opened. */
    final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String basePath;
    private volatile CountDownLatch gathering = new CountDownLatch(0);
    private volatile Function<JsonObject, Item> responder = request -> Item.of(500, JsonObject.EMPTY_JSON_OBJECT);

    /** Graph at {@code /v1.0}, as Microsoft serves it. */
    FakeGraph() throws IOException {
        this("/v1.0");
    }

    /** Graph behind a longer base path, as a gateway serves it (e.g. {@code /gateway/graph/v1.0}). */
    FakeGraph(String basePath) throws IOException {
        this.basePath = basePath;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(basePath + "/$batch", this::batch);
        server.setExecutor(threads);
        server.start();
    }

    void answer(Function<JsonObject, Item> itemResponder) {
        this.responder = itemResponder;
    }

    /**
     * From now on each batch request is answered only once {@code count} batch requests have arrived together (or
     * after a minute, so that a client that sends fewer at once fails the test instead of hanging it).
     */
    void answerOnceInFlightTogether(int count) {
        gathering = new CountDownLatch(count);
    }

    /** Settings pointing at this endpoint; the secret is never used (the clients get a static token). */
    GraphConnectionSettings settings() {
        return GraphConnectionSettings.withSecret("tenant", "client", "unused-secret", "https://login.example",
                "http://localhost:" + server.getAddress().getPort() + basePath);
    }

    static GraphClients clients() {
        return new GraphClients(settings -> context ->
                Mono.just(new AccessToken("static-token", OffsetDateTime.now().plusHours(1))));
    }

    private void batch(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        connections.add(exchange.getRemoteAddress().getPort());
        try {
            JsonObject body;
            try (JsonReader reader = Json.createReader(new StringReader(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
                body = reader.readObject();
            }
            List<JsonObject> items = body.getJsonArray("requests").getValuesAs(JsonObject.class);
            batches.add(items);
            CountDownLatch together = gathering;
            together.countDown();
            together.await(1, TimeUnit.MINUTES);
            if (isSequential(items) || items.stream().noneMatch(item -> item.containsKey("dependsOn"))) {
                send(exchange, 200, Json.createObjectBuilder().add("responses", answers(items)).build());
            } else {
                send(exchange, 400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                        .add("code", "BadRequest")
                        .add("message", "Batch should be either fully sequential or fully parallel")).build());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private static boolean isSequential(List<JsonObject> items) {
        for (int i = 0; i < items.size(); i++) {
            List<String> dependsOn = items.get(i).containsKey("dependsOn")
                    ? items.get(i).getJsonArray("dependsOn").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList()
                    : List.of();
            if (!dependsOn.equals(i == 0 ? List.of() : List.of(items.get(i - 1).getString("id")))) {
                return false;
            }
        }
        return true;
    }

    private JsonArrayBuilder answers(List<JsonObject> items) {
        JsonArrayBuilder responses = Json.createArrayBuilder();
        int previous = 0;
        for (JsonObject item : items) {
            Item answer;
            if (item.containsKey("dependsOn") && previous >= 400) {
                answer = Item.of(424, JsonObject.EMPTY_JSON_OBJECT);
            } else if (!item.getString("url").matches("/?users/.*")) {
                answer = Item.of(400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                        .add("code", "BadRequest").add("message", "Resource not found for the segment '"
                                + item.getString("url").replaceAll("^/?([^/?]*).*", "$1") + "'.")).build());
            } else {
                answer = responder.apply(item);
            }
            previous = answer.status();
            var headers = Json.createObjectBuilder().add("Content-Type", "application/json");
            if (!answer.retryAfter().isEmpty()) {
                headers.add("Retry-After", answer.retryAfter());
            }
            responses.add(Json.createObjectBuilder().add("id", item.getString("id")).add("status", answer.status())
                    .add("headers", headers).add("body", answer.body()));
        }
        return responses;
    }

    private static void send(HttpExchange exchange, int status, JsonObject json) throws IOException {
        byte[] answer = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
