package org.contactsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox admin endpoints ({@code /sandbox/admin}, demo admin key), over HTTP, for the container tests. */
public final class SandboxAdmin {

    public static final String KEY = "sandbox-admin-demo-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String adminRoot;

    private SandboxAdmin(String sandboxRoot) {
        this.adminRoot = sandboxRoot + "/admin";
    }

    /** The sandbox of the application deployed at {@code base}. */
    public static SandboxAdmin of(URL base) {
        return new SandboxAdmin(base.toString().replaceAll("/$", "") + "/sandbox");
    }

    /** {@code method} on {@code /sandbox/admin + path} with {@code key} (none when empty); the answer as it came. */
    public HttpResponse<String> send(String method, String path, String json, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminRoot + path))
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (!key.isEmpty()) {
            request.header("X-Sandbox-Admin-Key", key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The sandbox admin endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A request that must succeed (2xx), with the demo key; its JSON object (empty when the answer has no body). */
    public JsonObject call(String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json, KEY);
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(response.body())).readObject();
    }

    public void reset() {
        call("POST", "/reset", "");
    }

    public JsonObject counters(String mailbox) {
        return call("GET", "/mailboxes/" + mailbox + "/counters", "");
    }
}
