package org.contactsync.sandbox.rest;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.sandbox.GraphRequest;
import org.contactsync.sandbox.GraphResponse;
import org.contactsync.sandbox.Sandbox;

/** Microsoft Graph v1.0 at {@code /sandbox/graph/v1.0}: every path and method goes to the model as it came. */
@Path("graph/v1.0")
@RequestScoped
public class GraphResource {

    /** The media type Graph answers with. */
    static final String GRAPH_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    @Inject
    Sandbox sandbox;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    HttpServletResponse servletResponse;

    @GET
    @Path("{path: .*}")
    public Response get() {
        return handle("");
    }

    @POST
    @Path("{path: .*}")
    public Response post(String body) {
        return handle(body);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(String body) {
        return handle(body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(String body) {
        return handle(body);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return handle("");
    }

    private Response handle(String body) {
        String serviceRoot = uri.getBaseUriBuilder().path("graph/v1.0").build().toString();
        Optional<JsonValue> json;
        try {
            json = parse(body);
        } catch (JsonException e) {
            return Response.status(400).type(GRAPH_JSON).entity(JSON.createObjectBuilder().add("error",
                    JSON.createObjectBuilder().add("code", "BadRequest").add("message", "Unable to read JSON request "
                            + "payload. Please ensure Content-Type header is set and payload is of valid JSON format."))
                    .build().toString()).build();
        }
        GraphResponse answer = sandbox.handle(new GraphRequest(request.getMethod(), path(), uri.getQueryParameters(true),
                singleValued(), json, serviceRoot));
        if (answer.dropConnection()) {
            return dropConnection();
        }
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach(response::header);
        answer.body().ifPresent(b -> response.type(GRAPH_JSON).entity(b.toString()));
        return response.build();
    }

    /** The path after {@code /v1.0}, decoded segment by segment. */
    private String path() {
        List<PathSegment> segments = uri.getPathSegments(true);
        StringBuilder path = new StringBuilder();
        boolean afterVersion = false;
        for (PathSegment segment : segments) {
            if (afterVersion) {
                path.append('/').append(segment.getPath());
            } else if (segment.getPath().equals("v1.0")) {
                afterVersion = true;
            }
        }
        return path.toString();
    }

    private Map<String, String> singleValued() {
        Map<String, String> single = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> single.put(name, String.join(", ", values)));
        return single;
    }

    private static Optional<JsonValue> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return Optional.of(reader.readValue());
        }
    }

    /**
     * An injected dropped connection: promise a body, send part of it and close, so that the client sees the
     * connection end mid-response ("unexpected end of stream"), as when a network path or front end fails.
     */
    private Response dropConnection() {
        try {
            servletResponse.setStatus(200);
            servletResponse.setHeader("Connection", "close");
            servletResponse.setContentType(GRAPH_JSON);
            servletResponse.setContentLength(4096);
            servletResponse.getOutputStream().write("{\"value\":[".getBytes(StandardCharsets.UTF_8));
            servletResponse.flushBuffer();
            servletResponse.getOutputStream().close();
        } catch (IOException e) {
            // The client may already be gone; either way the connection ends here.
        }
        // The response is committed and closed: JAX-RS can no longer send this one, it only ends the request.
        return Response.ok().build();
    }
}
