package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Talks to a {@link Sandbox} as a Graph client would, without HTTP: gets a token, then sends requests. */
final class SandboxCaller {

    static final String ROOT = "https://sandbox.test/sandbox/graph/v1.0";

    private final Sandbox sandbox;
    private final String token;
    final Map<String, String> extraHeaders = new HashMap<>();

    SandboxCaller(Sandbox sandbox, String clientId) {
        this.sandbox = sandbox;
        IdentityResponse answer = sandbox.requestToken("contoso-sandbox", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", SandboxSettings.DEMO_SECRET,
                "scope", "https://graph.microsoft.com/.default"));
        assertEquals(200, answer.status(), answer.body().toString());
        this.token = answer.body().getString("access_token");
    }

    GraphResponse send(String method, String pathAndQuery, Optional<JsonValue> body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(extraHeaders);
        all.put("Authorization", "Bearer " + token);
        all.putAll(headers);
        GraphRequest relative = BatchProcessor.relativeRequest(method, pathAndQuery, all, body, ROOT);
        return sandbox.handle(relative);
    }

    /** Follows an absolute link the sandbox returned (next or delta link). */
    GraphResponse follow(String absoluteLink, Map<String, String> headers) {
        if (!absoluteLink.startsWith(ROOT)) {
            throw new AssertionError("Links must point at the sandbox itself: " + absoluteLink);
        }
        return send("GET", absoluteLink.substring(ROOT.length()), Optional.empty(), headers);
    }

    GraphResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, Optional.empty(), Map.of());
    }

    GraphResponse post(String path, String json) {
        return send("POST", path, Optional.of(parse(json)), Map.of());
    }

    GraphResponse patch(String path, String json, Map<String, String> headers) {
        return send("PATCH", path, Optional.of(parse(json)), headers);
    }

    GraphResponse delete(String path, Map<String, String> headers) {
        return send("DELETE", path, Optional.empty(), headers);
    }

    static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    static JsonObject body(GraphResponse response) {
        return response.body().orElseThrow().asJsonObject();
    }

    static JsonObject ok(GraphResponse response, int status) {
        assertEquals(status, response.status(), () -> response.body().map(JsonValue::toString).orElse("(no body)"));
        return body(response);
    }

    static String errorCode(GraphResponse response) {
        return body(response).getJsonObject("error").getString("code");
    }

    static List<JsonObject> values(JsonObject page) {
        return page.getJsonArray("value").getValuesAs(JsonObject.class);
    }

    static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
