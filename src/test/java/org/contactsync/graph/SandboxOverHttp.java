package org.contactsync.graph;

import com.azure.core.credential.AccessToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.contactsync.sandbox.GraphRequest;
import org.contactsync.sandbox.GraphResponse;
import org.contactsync.sandbox.IdentityResponse;
import org.contactsync.sandbox.Sandbox;
import org.contactsync.sandbox.SandboxSettings;
import reactor.core.publisher.Mono;

/**
 * The real {@link Sandbox} served over loopback http by the JDK's HTTP server, so that unit tests drive the product's
 * Graph clients (the SDK, its RetryHandler, the gateway) against it without a container. Clients get one of the
 * sandbox's own tokens for the given app, as azure-identity would.
 */
final class SandboxOverHttp implements AutoCloseable {

    final Sandbox sandbox;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    SandboxOverHttp(SandboxSettings settings) throws IOException {
        sandbox = new Sandbox(settings, Clock.systemUTC(), threads);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0", this::graph);
        server.setExecutor(threads);
        server.start();
    }

    /** Settings pointing at this sandbox; the secret is never sent (the clients get a sandbox token directly). */
    GraphConnectionSettings settings() {
        return GraphConnectionSettings.withSecret("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, "unused",
                "https://login.example", "http://localhost:" + server.getAddress().getPort() + "/v1.0");
    }

    /** Clients whose credential is a sandbox token of this app. */
    GraphClients clientsOf(String clientId, String secret) {
        IdentityResponse token = sandbox.requestToken("contoso-sandbox", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "scope", "https://graph.microsoft.com/.default"));
        if (token.status() != 200) {
            throw new AssertionError("The sandbox refused a token: " + token.body());
        }
        String value = token.body().getString("access_token");
        return new GraphClients(settings -> context -> Mono.just(new AccessToken(value, OffsetDateTime.now().plusHours(1))));
    }

    private void graph(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        StringBuilder path = new StringBuilder();
        for (String segment : rawPath.substring(rawPath.indexOf("/v1.0") + "/v1.0".length()).split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<JsonValue> json = Optional.empty();
        if (!body.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                json = Optional.of(reader.readValue());
            }
        }
        String root = "http://localhost:" + server.getAddress().getPort() + "/v1.0";
        GraphResponse answer = sandbox.handle(new GraphRequest(exchange.getRequestMethod(), path.toString(),
                query(exchange.getRequestURI().getRawQuery()), headers, json, root));
        if (answer.dropConnection()) {
            // Promise a body, send a part, close: the client sees the connection end mid-answer.
            exchange.sendResponseHeaders(200, 4096);
            exchange.getResponseBody().write("{\"value\":[".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.close();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().map(b -> b.toString().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (answer.body().isPresent()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
