package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox admin endpoints, over HTTP, for the container tests. */
final class SandboxAdmin {

    static final String KEY = "sandbox-admin-demo-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String adminRoot;

    SandboxAdmin(String sandboxRoot) {
        this.adminRoot = sandboxRoot + "/admin";
    }

    HttpResponse<String> send(String method, String path, String json, String key) {
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

    JsonObject call(String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json, KEY);
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(response.body())).readObject();
    }

    void reset() {
        call("POST", "/reset", "");
    }

    JsonObject counters(String mailbox) {
        return call("GET", "/mailboxes/" + mailbox + "/counters", "");
    }
}
