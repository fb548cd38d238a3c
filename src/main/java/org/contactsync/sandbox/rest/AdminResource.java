package org.contactsync.sandbox.rest;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.contactsync.sandbox.BatchDispatch;
import org.contactsync.sandbox.ConcurrencyScope;
import org.contactsync.sandbox.FaultKind;
import org.contactsync.sandbox.GraphError;
import org.contactsync.sandbox.MailboxCounters;
import org.contactsync.sandbox.MailboxRules;
import org.contactsync.sandbox.RetryAfterForm;
import org.contactsync.sandbox.Sandbox;
import org.contactsync.sandbox.SandboxSettings;

/**
 * What tests, the benchmark and demos control: reset, per-mailbox counters, limits, faults, batch dispatch,
 * concurrency scope, token and delta-token expiry. Every call needs the sandbox admin key
 * ({@code contactsync.sandbox.admin-key}) in {@value #ADMIN_KEY_HEADER}.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public static final String ADMIN_KEY_HEADER = "X-Sandbox-Admin-Key";

    @Inject
    Sandbox sandbox;

    @HeaderParam(ADMIN_KEY_HEADER)
    String adminKey;

    @POST
    @Path("reset")
    public Response reset() {
        return guarded(() -> {
            sandbox.reset();
            return Response.noContent().build();
        });
    }

    @POST
    @Path("mailboxes/{user}/reset")
    public Response resetMailbox(@PathParam("user") String user) {
        return guarded(() -> {
            sandbox.resetMailbox(user);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("mailboxes/{user}/counters")
    public Response counters(@PathParam("user") String user) {
        return guarded(() -> {
            MailboxCounters counters = sandbox.counters(user);
            JsonObjectBuilder byMethod = JSON.createObjectBuilder();
            counters.byMethod().forEach(byMethod::add);
            return Response.ok(JSON.createObjectBuilder()
                    .add("requests", counters.requests())
                    .add("throttled", counters.throttled())
                    .add("faults", counters.faults())
                    .add("byMethod", byMethod)
                    .add("roundTrips", counters.roundTrips())
                    .add("handlingMillis", counters.handlingMillis())
                    .build().toString()).build();
        });
    }

    @POST
    @Path("mailboxes/{user}/delta-tokens/expire")
    public Response expireDeltaTokens(@PathParam("user") String user) {
        return guarded(() -> {
            sandbox.expireDeltaTokens(user);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("tokens")
    public Response tokens() {
        return guarded(() -> Response.ok(JSON.createObjectBuilder()
                .add("requests", sandbox.tokenRequests()).build().toString()).build());
    }

    @POST
    @Path("tokens/expire")
    public Response expireAccessTokens() {
        return guarded(() -> {
            sandbox.expireAccessTokens();
            return Response.noContent().build();
        });
    }

    @GET
    @Path("limits")
    public Response limits() {
        return guarded(() -> Response.ok(limitsJson(sandbox.limits()).toString()).build());
    }

    /** Replaces the limits; absent members keep their current values. */
    @PUT
    @Path("limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setLimits(JsonObject body) {
        return guarded(() -> {
            SandboxSettings.Limits current = sandbox.limits();
            sandbox.setLimits(new SandboxSettings.Limits(
                    body.getInt("concurrentRequests", current.concurrentRequests()),
                    body.getInt("requestsPerWindow", current.requestsPerWindow()),
                    Duration.ofSeconds(body.getInt("windowSeconds", (int) current.window().toSeconds())),
                    Duration.ofMillis(body.getInt("latencyMillis", (int) current.latency().toMillis())),
                    body.getInt("retryAfterSeconds", current.retryAfterSeconds())));
            return Response.ok(limitsJson(sandbox.limits()).toString()).build();
        });
    }

    @GET
    @Path("faults")
    public Response faults() {
        return guarded(() -> Response.ok(faultsJson(sandbox.faults()).toString()).build());
    }

    /**
     * Replaces the fault plan: {@code script} (kinds, one per request), {@code probability}, {@code kinds},
     * {@code slowMillis}, {@code retryAfter} (a {@link RetryAfterForm}; absent: the current one).
     */
    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setFaults(JsonObject body) {
        return guarded(() -> {
            double probability = body.get("probability") instanceof JsonNumber n ? n.doubleValue() : 0;
            sandbox.setFaults(new SandboxSettings.FaultSettings(kinds(body, "script"), probability,
                    kinds(body, "kinds"), Duration.ofMillis(body.getInt("slowMillis", 5000)),
                    RetryAfterForm.valueOf(body.getString("retryAfter", sandbox.faults().retryAfter().name())
                            .toUpperCase(Locale.ROOT))));
            return Response.ok(faultsJson(sandbox.faults()).toString()).build();
        });
    }

    @GET
    @Path("mailbox-rules")
    public Response mailboxRules() {
        return guarded(() -> Response.ok(rulesJson(sandbox.mailboxRules()).toString()).build());
    }

    /**
     * Replaces the mailbox rules where Graph's sources are silent: {@code deletedFolders} (ADDRESSABLE or NOT_FOUND)
     * and {@code syncStatesKept}; absent members keep their current values. A reset goes back to the configured ones.
     */
    @PUT
    @Path("mailbox-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setMailboxRules(JsonObject body) {
        return guarded(() -> {
            MailboxRules current = sandbox.mailboxRules();
            sandbox.setMailboxRules(new MailboxRules(
                    MailboxRules.DeletedFolders.valueOf(body.getString("deletedFolders",
                            current.deletedFolders().name()).toUpperCase(Locale.ROOT)),
                    body.getInt("syncStatesKept", current.syncStatesKept())));
            return Response.ok(rulesJson(sandbox.mailboxRules()).toString()).build();
        });
    }

    private static JsonObject rulesJson(MailboxRules rules) {
        return JSON.createObjectBuilder()
                .add("deletedFolders", rules.deletedFolders().name())
                .add("syncStatesKept", rules.syncStatesKept())
                .build();
    }

    @GET
    @Path("batch")
    public Response batch() {
        return guarded(() -> Response.ok(batchJson(sandbox.batchDispatch()).toString()).build());
    }

    /** Sets how a parallel batch's items reach Exchange: {@code {"parallelDispatch":"FOUR_AT_A_TIME|ALL_AT_ONCE"}}. */
    @PUT
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setBatch(JsonObject body) {
        return guarded(() -> {
            sandbox.setBatchDispatch(BatchDispatch.valueOf(
                    body.getString("parallelDispatch", sandbox.batchDispatch().name()).toUpperCase(Locale.ROOT)));
            return Response.ok(batchJson(sandbox.batchDispatch()).toString()).build();
        });
    }

    private static JsonObject batchJson(BatchDispatch dispatch) {
        return JSON.createObjectBuilder().add("parallelDispatch", dispatch.name()).build();
    }

    @GET
    @Path("throttling")
    public Response throttling() {
        return guarded(() -> Response.ok(throttlingJson(sandbox.concurrencyScope()).toString()).build());
    }

    /**
     * Sets whose requests Exchange's concurrency limit counts together:
     * {@code {"concurrencyScope":"APP_AND_MAILBOX|APP"}}.
     */
    @PUT
    @Path("throttling")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setThrottling(JsonObject body) {
        return guarded(() -> {
            sandbox.setConcurrencyScope(ConcurrencyScope.valueOf(
                    body.getString("concurrencyScope", sandbox.concurrencyScope().name()).toUpperCase(Locale.ROOT)));
            return Response.ok(throttlingJson(sandbox.concurrencyScope()).toString()).build();
        });
    }

    private static JsonObject throttlingJson(ConcurrencyScope scope) {
        return JSON.createObjectBuilder().add("concurrencyScope", scope.name()).build();
    }

    private Response guarded(Supplier<Response> action) {
        if (adminKey == null || !MessageDigest.isEqual(adminKey.getBytes(StandardCharsets.UTF_8),
                sandbox.settings().adminKey().getBytes(StandardCharsets.UTF_8))) {
            return refusal(401, "InvalidAdminKey", "The sandbox admin endpoints need the admin key in "
                    + ADMIN_KEY_HEADER + ".");
        }
        try {
            return action.get();
        } catch (GraphError e) {
            return refusal(e.status(), e.code(), e.getMessage());
        } catch (IllegalArgumentException | ClassCastException e) {
            return refusal(400, "BadRequest", "Invalid sandbox setting: " + e.getMessage());
        }
    }

    private static Response refusal(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
                .build().toString()).build();
    }

    private static List<FaultKind> kinds(JsonObject body, String member) {
        if (!body.containsKey(member) || body.isNull(member)) {
            return List.of();
        }
        return body.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(s -> FaultKind.valueOf(s.getString().toUpperCase(Locale.ROOT))).toList();
    }

    private static JsonObject limitsJson(SandboxSettings.Limits limits) {
        return JSON.createObjectBuilder()
                .add("concurrentRequests", limits.concurrentRequests())
                .add("requestsPerWindow", limits.requestsPerWindow())
                .add("windowSeconds", limits.window().toSeconds())
                .add("latencyMillis", limits.latency().toMillis())
                .add("retryAfterSeconds", limits.retryAfterSeconds())
                .build();
    }

    private static JsonObject faultsJson(SandboxSettings.FaultSettings faults) {
        JsonArrayBuilder script = JSON.createArrayBuilder();
        faults.script().forEach(k -> script.add(k.name()));
        JsonArrayBuilder kinds = JSON.createArrayBuilder();
        faults.randomKinds().forEach(k -> kinds.add(k.name()));
        return JSON.createObjectBuilder()
                .add("script", script)
                .add("probability", faults.probability())
                .add("kinds", kinds)
                .add("slowMillis", faults.slowResponse().toMillis())
                .add("retryAfter", faults.retryAfter().name())
                .build();
    }
}
