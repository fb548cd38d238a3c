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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A scripted Graph {@code $batch} endpoint on loopback http, for unit tests of the gateway's batching: it records
 * every batch it receives and answers each item with what the test's responder says.
 */
final class FakeGraph implements AutoCloseable {

    /** One answer to a batch item. */
    record Item(int status, JsonObject body, String retryAfter) {
        static Item of(int status, JsonObject body) {
            return new Item(status, body, "");
        }
    }

    final List<List<JsonObject>> batches = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile boolean failedDependencies;
    private volatile Function<JsonObject, Item> responder = request -> Item.of(500, JsonObject.EMPTY_JSON_OBJECT);

    FakeGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0/$batch", this::batch);
        server.start();
    }

    void answer(Function<JsonObject, Item> itemResponder) {
        this.responder = itemResponder;
    }

    /** From now on an item that depends on an item answered 4xx or 5xx gets 424, as on Graph. */
    void answerDependentsOfFailuresWith424() {
        this.failedDependencies = true;
    }

    /** Settings pointing at this endpoint; the secret is never used (the clients get a static token). */
    GraphConnectionSettings settings() {
        return GraphConnectionSettings.withSecret("tenant", "client", "unused-secret", "https://login.example",
                "http://localhost:" + server.getAddress().getPort() + "/v1.0");
    }

    static GraphClients clients() {
        return new GraphClients(settings -> context ->
                Mono.just(new AccessToken("static-token", OffsetDateTime.now().plusHours(1))));
    }

    private void batch(HttpExchange exchange) throws IOException {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            body = reader.readObject();
        }
        List<JsonObject> items = body.getJsonArray("requests").getValuesAs(JsonObject.class);
        batches.add(items);
        JsonArrayBuilder responses = Json.createArrayBuilder();
        Map<String, Integer> statusById = new HashMap<>();
        for (JsonObject item : items) {
            Item answer = failedDependencies && item.containsKey("dependsOn") && item.getJsonArray("dependsOn")
                    .getValuesAs(JsonString.class).stream().anyMatch(d -> statusById.get(d.getString()) >= 400)
                    ? Item.of(424, JsonObject.EMPTY_JSON_OBJECT) : responder.apply(item);
            statusById.put(item.getString("id"), answer.status());
            var headers = Json.createObjectBuilder().add("Content-Type", "application/json");
            if (!answer.retryAfter().isEmpty()) {
                headers.add("Retry-After", answer.retryAfter());
            }
            responses.add(Json.createObjectBuilder().add("id", item.getString("id")).add("status", answer.status())
                    .add("headers", headers).add("body", answer.body()));
        }
        byte[] answer = Json.createObjectBuilder().add("responses", responses).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
