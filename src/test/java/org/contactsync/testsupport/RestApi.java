package org.contactsync.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's REST API ({@code /api/v1}) on a {@link PayaraMicroProcess}, as one user with their web service
 * access key (HTTP Basic). A server that does not answer fails the test with the end of its log.
 */
public final class RestApi {

    private static final int PAGE = 500;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final PayaraMicroProcess server;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    private RestApi(PayaraMicroProcess server, String userName, String accessKey) {
        this.server = server;
        this.authorization = DemoAccess.basic(userName, accessKey);
    }

    public static RestApi as(PayaraMicroProcess server, String userName, String accessKey) {
        return new RestApi(server, userName, accessKey);
    }

    /** {@code method} on {@code /api/v1 + path} with a JSON body (none when empty); the response as it came. */
    public HttpResponse<String> send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(server.uri("/api/v1" + path)).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(server.name() + " did not answer:\n" + server.logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A JSON object from a request that must succeed (2xx). */
    public JsonObject object(String method, String path, String json) {
        return json(successful(method, path, json));
    }

    /** A JSON array of objects from a {@code GET} that must succeed. */
    public List<JsonObject> array(String path) {
        return Json.createReader(new StringReader(successful("GET", path, ""))).readArray()
                .getValuesAs(JsonObject.class);
    }

    /** Every item of a paged list ({@code ?limit=&offset=}, answered as {@code {"items":[...]}}). */
    public List<JsonObject> allItems(String path) {
        List<JsonObject> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int offset = 0; ; offset += PAGE) {
            List<JsonObject> page = object("GET", path + separator + "limit=" + PAGE + "&offset=" + offset, "")
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private String successful(String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
