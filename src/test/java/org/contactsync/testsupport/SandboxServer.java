package org.contactsync.testsupport;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contactsync.graph.GraphClients;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.sandbox.SandboxSettings;
import org.contactsync.testsupport.PayaraMicroProcess.Database;

/**
 * The Microsoft 365 sandbox in a Payara Micro of its own (the same WAR, sandbox on, no demo data), for tests that
 * kill application servers: the sandbox keeps its mailboxes in the memory of the server that serves it, and
 * Outlook must not die with the server under test. Application servers are pointed at it through the very
 * MicroProfile Config keys an operator uses for a real tenant ({@link #graphProperties()}).
 */
public final class SandboxServer implements AutoCloseable {

    /** The folder the demo syncs into. */
    public static final String SYNC_FOLDER = "Business Central";
    private static final String ADMIN_KEY = "sandbox-admin-demo-key";

    private final PayaraMicroProcess server;
    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxServer(PayaraMicroProcess server) {
        this.server = server;
    }

    /**
     * A sandbox called {@code name} (its log in {@code target/payara-micro/NAME/}), not started yet: its ports are
     * known, so the application servers that use it may start at the same time.
     */
    public static SandboxServer named(String name) {
        return named(name, List.of());
    }

    /** {@link #named(String)} with these mailboxes besides the demo users' (for employees a test creates). */
    public static SandboxServer named(String name, List<String> moreMailboxes) {
        var mailboxes = new ArrayList<>(List.of("admin@contoso.example", "alice@contoso.example",
                "bob@contoso.example"));
        mailboxes.addAll(moreMailboxes);
        return new SandboxServer(PayaraMicroProcess.named(name).https().sandbox(true).demoData(false)
                .database(Database.h2Memory(name)).heapMegabytes(384)
                .property("contactsync.sandbox.mailboxes", String.join(",", mailboxes)).build());
    }

    /** Starts it and waits until it is ready; returns this sandbox. */
    public SandboxServer start() {
        server.start();
        return this;
    }

    /**
     * What an application server needs to use this sandbox as its tenant: the Graph endpoint, the identity
     * authority and the demo connection's app (saved at its first start with demo data on).
     */
    public Map<String, String> graphProperties() {
        String root = server.httpsRoot();
        return Map.of(
                "contactsync.graph.authority-host", root,
                "contactsync.graph.endpoint", root + "/sandbox/graph/v1.0",
                "contactsync.demo.graph.tenant-id", SandboxSettings.tenantIdOf("contoso-sandbox"),
                "contactsync.demo.graph.client-id", SandboxSettings.DEMO_CLIENT_ID,
                "contactsync.demo.graph.client-secret", SandboxSettings.DEMO_SECRET);
    }

    /** The sandbox's admin endpoints ({@code /sandbox/admin/...}: limits, faults, reset); the body, unless not 2xx. */
    public String admin(String method, String path, String json) {
        var request = HttpRequest.newBuilder(server.uri("/sandbox/admin" + path))
                .header("Content-Type", "application/json").header("X-Sandbox-Admin-Key", ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("Sandbox admin " + method + " " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("The sandbox did not answer:\n" + server.logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every request to the mailbox answers after this long: a sync becomes slow enough to be caught half-way. */
    public void latency(int millis) {
        admin("PUT", "/limits", "{\"latencyMillis\":" + millis + "}");
    }

    /** The requests the mailbox answered by HTTP method, each item of a batch counted: {@code {"POST":3,...}}. */
    public JsonObject requestsByMethod(String mailbox) {
        return RestApi.json(admin("GET", "/mailboxes/" + mailbox + "/counters", "")).getJsonObject("byMethod");
    }

    /** The mailbox's sync folder as the sandbox holds it, read through the Graph SDK from the test's JVM. */
    public List<OutlookContact> syncFolder(String mailbox) {
        String https = server.httpsRoot();
        OutlookMailbox outlook = new OutlookContactsGateway(new GraphClients()).open(GraphConnectionSettings
                .withSecret("contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET, https,
                        https + "/sandbox/graph/v1.0"), mailbox);
        return outlook.listFolder(outlook.ensureFolder(SYNC_FOLDER));
    }

    @Override
    public void close() {
        server.close();
    }
}
