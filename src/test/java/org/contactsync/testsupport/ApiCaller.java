package org.contactsync.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * One caller of the REST API ({@code /api/v1}) of the server the container test classes share: HTTP Basic with an
 * {@code Authorization} header (see {@link DemoAccess}), or anonymous. JSON bodies may be written with ' for ".
 */
public record ApiCaller(URL base, Optional<String> authorization, Optional<String> language) {

    public static ApiCaller as(URL base, String authorization) {
        return new ApiCaller(base, Optional.of(authorization), Optional.empty());
    }

    public static ApiCaller anonymous(URL base) {
        return new ApiCaller(base, Optional.empty(), Optional.empty());
    }

    /** The same caller asking for answers in {@code language} (Accept-Language). */
    public ApiCaller inLanguage(String language) {
        return new ApiCaller(base, authorization, Optional.of(language));
    }

    /** {@code method} on {@code /api/v1 + path}, with a JSON body unless it is empty. */
    public HttpResponse<String> send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base.toString() + "api/v1" + path))
                .header("Accept", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.replace('\'', '"')));
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        language.ifPresent(value -> request.header("Accept-Language", value));
        return Http.send(request);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, "");
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The fields a problem+json answer names in its errors, in its order. */
    public static List<String> problemFields(HttpResponse<String> response) {
        return json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }

    public static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }
}
