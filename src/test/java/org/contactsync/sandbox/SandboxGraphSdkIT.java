package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.contactsync.testsupport.Deployments;
import org.contactsync.testsupport.SandboxAdmin;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * The sandbox as the official Microsoft Graph SDK (6.x) and azure-identity see it: the real WAR on Payara Micro,
 * tokens from {@code ClientSecretCredential} over TLS, every endpoint through request builders, {@code PageIterator},
 * the delta loop and batch content. If the SDK can't use the sandbox, or the sandbox forgives what Graph refuses,
 * these tests fail. The folder, contact, paging and delta checks are {@link GraphSdkContract}'s, which
 * {@link RealTenantGraphSdkIT} runs against a real tenant; the sandbox-only assertions are added here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxGraphSdkIT {

    private static final String TENANT = "contoso-sandbox";
    private static final String ALICE = "alice@contoso.example";
    private static final String CRM_KEY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmContactNo";

    /**
     * The real WAR, deployed at the root context as the README runs it: MSAL keeps only the host of an authority and
     * posts to {@code https://host/{tenant}/oauth2/v2.0/token}, which the sandbox serves at the application's root.
     */
    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(Deployments.realWar());
    }

    @ArquillianResource
    URL base;

    private String httpsHost;
    private String httpsRoot;
    private SandboxAdmin admin;

    @BeforeEach
    void freshSandbox() {
        httpsHost = "https://localhost:" + System.getProperty("it.sslport.h2");
        httpsRoot = httpsHost + "/sandbox";
        admin = SandboxAdmin.of(base);
        admin.reset();
    }

    private TokenCredential credential(String clientId, String secret) {
        return new ClientSecretCredentialBuilder()
                .tenantId(TENANT)
                .clientId(clientId)
                .clientSecret(secret)
                .authorityHost(httpsHost)
                .disableInstanceDiscovery()
                .build();
    }

    private GraphServiceClient graph(String clientId, String secret) {
        return graph(credential(clientId, secret));
    }

    private GraphServiceClient graph(TokenCredential credential) {
        var authentication = new AzureIdentityAuthenticationProvider(credential, new String[]{"localhost"},
                "https://graph.microsoft.com/.default");
        var adapter = new BaseGraphRequestAdapter(authentication);
        adapter.setBaseUrl(httpsRoot + "/graph/v1.0");
        return new GraphServiceClient(adapter);
    }

    private GraphServiceClient graph() {
        return graph(SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET);
    }

    private static ContactFolder folderNamed(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return folder;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String causeChain(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void concurrentTokenRequestsAllSucceedOverHttp11EvenWhenTheClientOffersHttp2() throws Exception {
        // Grizzly's HTTP/2 in Payara reset token streams under concurrent load (benchmark 4); the server's pre-boot
        // commands keep the HTTPS listener at HTTP/1.1.
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(httpsHost + "/contoso-sandbox/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + SandboxSettings.DEMO_CLIENT_ID + "&client_secret=" + SandboxSettings.DEMO_SECRET
                        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
        }
    }

    @Test
    void anUnknownTenantAtTheRootTokenUrlAndAScopeForAnotherResourceGetEntrasErrors() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var form = "grant_type=client_credentials&client_id=" + SandboxSettings.DEMO_CLIENT_ID + "&client_secret="
                + SandboxSettings.DEMO_SECRET + "&scope=";
        var unknownTenant = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(httpsHost + "/fabrikam.onmicrosoft.com/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form
                        + "https%3A%2F%2Fgraph.microsoft.com%2F.default")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknownTenant.statusCode(), unknownTenant.body());
        assertTrue(unknownTenant.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(unknownTenant.body().contains("\"error_codes\":[90002]"), unknownTenant.body());
        assertTrue(unknownTenant.body().contains("AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found."),
                unknownTenant.body());

        var refusal = assertThrows(RuntimeException.class, () -> credential(SandboxSettings.DEMO_CLIENT_ID,
                SandboxSettings.DEMO_SECRET).getTokenSync(new TokenRequestContext().addScopes("https://evil/.default")));
        assertTrue(causeChain(refusal).contains("AADSTS500011: The resource principal named https://evil was not "
                + "found in the tenant named contoso-sandbox."), causeChain(refusal));
    }

    @Test
    void aWrongSecretSurfacesEntrasInvalidClientError() {
        GraphServiceClient wrong = graph(SandboxSettings.DEMO_CLIENT_ID, "not-the-secret");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> wrong.users().byUserId(ALICE).contactFolders().get());
        String chain = causeChain(failure);
        assertTrue(chain.contains("AADSTS7000215: Invalid client secret provided"), chain);
        Throwable cause = failure;
        while (!(cause instanceof com.microsoft.aad.msal4j.MsalServiceException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("invalid_client", ((com.microsoft.aad.msal4j.MsalServiceException) cause).errorCode(), chain);
    }

    @Test
    void anAppWithoutContactsPermissionGets403AndExpiredTokensGet401() {
        ODataError denied = assertThrows(ODataError.class, () -> graph(SandboxSettings.DEMO_UNPRIVILEGED_CLIENT_ID,
                SandboxSettings.DEMO_SECRET).users().byUserId(ALICE).contactFolders().get());
        assertEquals(403, denied.getResponseStatusCode());
        assertEquals("ErrorAccessDenied", denied.getError().getCode());

        // A token kept by the client, as MSAL's cache would keep it until it expires.
        AccessToken kept = credential(SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_SECRET)
                .getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/.default"));
        GraphServiceClient graph = graph(context -> Mono.just(kept));
        graph.users().byUserId(ALICE).contactFolders().get();
        admin.call("POST", "/tokens/expire", "");
        ODataError expired = assertThrows(ODataError.class, () -> graph.users().byUserId(ALICE).contactFolders().get());
        assertEquals(401, expired.getResponseStatusCode());
        assertEquals("InvalidAuthenticationToken", expired.getError().getCode());
    }

    /** The SDK-level contract that holds on any Graph (also run against a real tenant), on the sandbox. */
    private GraphSdkContract contract() {
        return new GraphSdkContract(GraphTarget.sandbox(httpsRoot + "/graph/v1.0", httpsHost, ALICE));
    }

    @Test
    void foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused() {
        GraphSdkContract contract = contract();
        contract.foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused(deletedId -> {
            // A deleted folder waits in Deleted Items (contactsync.sandbox.deleted-folders=ADDRESSABLE, the default):
            // still there by its id, under another parent; permanentDelete removes it.
            var folders = contract.graph().users().byUserId(ALICE).contactFolders();
            assertEquals(deletedId, folders.byContactFolderId(deletedId).get().getId());
            folders.byContactFolderId(deletedId).permanentDelete().post();
            ODataError gone = assertThrows(ODataError.class, () -> folders.byContactFolderId(deletedId).get());
            assertEquals(404, gone.getResponseStatusCode());
        });
    }

    @Test
    void contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted() throws Exception {
        contract().contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted();
    }

    @Test
    void theDeltaLoopSeesEverythingThenChangesAndDeletionsAndRestartsAfter410() throws Exception {
        contract().theDeltaLoopSeesEverythingThenChangesAndDeletions(loop -> {
            assertEquals(3, loop.firstRoundPages(), "5 contacts in pages of 2");
            admin.call("POST", "/mailboxes/" + ALICE + "/delta-tokens/expire", "");
            ODataError gone = assertThrows(ODataError.class,
                    () -> loop.contacts().delta().withUrl(loop.latestDeltaLink()).get());
            assertEquals(410, gone.getResponseStatusCode());
            assertEquals("syncStateNotFound", gone.getError().getCode());
            assertEquals(loop.contactsLeft(), loop.contacts().delta().get().getValue().size(),
                    "a full resync after the reset");
        });
    }

    /**
     * A batch item as Graph must see it: the SDK's batch content writes an item's path without its first five
     * characters (BatchRequestContent.getRelativeUrl, made for an endpoint path of exactly {@code /v1.0}), so under the
     * sandbox's longer base path the item gets the path Graph sees behind {@code /v1.0}, as the product does
     * (OutlookMailbox#asBatchItem).
     */
    private okhttp3.Request item(GraphServiceClient graph, com.microsoft.kiota.RequestInformation request) {
        okhttp3.Request sdk = graph.getRequestAdapter().convertToNativeRequest(request);
        String path = sdk.url().encodedPath().substring("/sandbox/graph".length());
        return sdk.newBuilder().url(sdk.url().newBuilder().encodedPath(path).build()).build();
    }

    private BatchRequestContentCollection parallelCreates(GraphServiceClient graph, ContactsRequestBuilder contacts,
                                                          int count, String prefix) {
        BatchRequestContentCollection many = new BatchRequestContentCollection(graph);
        for (int i = 0; i < count; i++) {
            many.addBatchRequestStep(item(graph, contacts.toPostRequestInformation(
                    GraphSdkContract.contact("P", prefix + i, prefix + i + "@example.com", prefix + i))));
        }
        return many;
    }

    private static long countStatus(Map<String, Integer> statuses, int status) {
        return statuses.values().stream().filter(s -> s == status).count();
    }

    @Test
    void aSequentialBatchAnswersEachStepAndFailsTheStepsAfterAFailedOneWith424() throws Exception {
        GraphServiceClient graph = graph();
        String folderId = graph.users().byUserId(ALICE).contactFolders().post(folderNamed("CRM")).getId();
        ContactsRequestBuilder contacts = graph.users().byUserId(ALICE).contactFolders().byContactFolderId(folderId).contacts();

        BatchRequestContent batch = new BatchRequestContent(graph);
        assertTrue(batch.addBatchRequestStep(new BatchRequestStep("create",
                item(graph, contacts.toPostRequestInformation(GraphSdkContract.contact("Ada", "Lovelace", "ada@example.com", "CT1"))))));
        assertTrue(batch.addBatchRequestStep(new BatchRequestStep("list",
                item(graph, contacts.toGetRequestInformation()), List.of("create"))));
        assertTrue(batch.addBatchRequestStep(new BatchRequestStep("duplicate",
                item(graph, graph.users().byUserId(ALICE).contactFolders().toPostRequestInformation(folderNamed("CRM"))),
                List.of("list"))));
        assertTrue(batch.addBatchRequestStep(new BatchRequestStep("afterDuplicate",
                item(graph, contacts.toGetRequestInformation()), List.of("duplicate"))));
        BatchResponseContent answer = graph.getBatchRequestBuilder().post(batch, null);

        assertEquals(Map.of("create", 201, "list", 200, "duplicate", 409, "afterDuplicate", 424),
                answer.getResponsesStatusCode());
        assertEquals("Ada Lovelace", answer.getResponseById("create", Contact::createFromDiscriminatorValue).getDisplayName());
        assertEquals(1, answer.getResponseById("list", ContactCollectionResponse::createFromDiscriminatorValue).getValue().size());
        assertEquals(1 + 3, admin.counters(ALICE).getInt("requests"), "the folder and 3 items; the 424 never ran");
    }

    @Test
    void parallelBatchesReachExchangeFourAtATimeOrAllAtOnceAsTheSettingSays() throws Exception {
        GraphServiceClient graph = graph();
        String folderId = graph.users().byUserId(ALICE).contactFolders().post(folderNamed("CRM")).getId();
        ContactsRequestBuilder contacts = graph.users().byUserId(ALICE).contactFolders().byContactFolderId(folderId).contacts();

        assertEquals("FOUR_AT_A_TIME", admin.call("GET", "/batch", "").getString("parallelDispatch"), "the default");
        Map<String, Integer> fourAtATime = graph.getBatchRequestBuilder()
                .post(parallelCreates(graph, contacts, 25, "F"), null).getResponsesStatusCodes();
        assertEquals(25, countStatus(fourAtATime, 201), "the SDK's two batches (20 and 5), every item created");

        admin.call("PUT", "/batch", "{\"parallelDispatch\":\"ALL_AT_ONCE\"}");
        Map<String, Integer> allAtOnce = graph.getBatchRequestBuilder()
                .post(parallelCreates(graph, contacts, 25, "A"), null).getResponsesStatusCodes();
        assertEquals(4 + 4, countStatus(allAtOnce, 201), "4 of each batch within the mailbox's concurrency: " + allAtOnce);
        assertEquals(16 + 1, countStatus(allAtOnce, 429), allAtOnce.toString());

        assertEquals(1 + 25 + 25, admin.counters(ALICE).getInt("requests"), "every item counts, throttled or not");
        assertEquals(17, admin.counters(ALICE).getInt("throttled"));
        assertEquals(25 + 8, contacts.get(rc -> rc.queryParameters.top = 100).getValue().size(),
                "a throttled create created nothing");
    }

    @Test
    void graphsBatchRulesReachTheSdkAsODataErrors() {
        GraphServiceClient graph = graph();
        String folders = "/users/alice@contoso.example/contactFolders";
        StringBuilder lanes = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 8; i++) {
            lanes.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"")
                    .append(folders).append('"').append(i < 4 ? "" : ",\"dependsOn\":[\"" + (i - 4) + "\"]").append('}');
        }
        lanes.append("]}");
        ODataError mixed = assertThrows(ODataError.class, () -> sendRaw(graph, lanes.toString()));
        assertEquals(400, mixed.getResponseStatusCode());
        assertEquals("Batch should be either fully sequential or fully parallel", mixed.getError().getMessage());

        StringBuilder tooMany = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 21; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i)
                    .append("\",\"method\":\"GET\",\"url\":\"").append(folders).append("\"}");
        }
        tooMany.append("]}");
        assertEquals(400, assertThrows(ODataError.class, () -> sendRaw(graph, tooMany.toString())).getResponseStatusCode());
        assertEquals(0, admin.counters(ALICE).getInt("requests"), "nothing of a refused batch ran");
    }

    @Test
    void theSdksOwnItemUrlsUnderALongerBasePathAreRefusedAsGraphWould() throws Exception {
        GraphServiceClient graph = graph();
        BatchRequestContent batch = new BatchRequestContent(graph);
        batch.addBatchRequestStep(graph.users().byUserId(ALICE).contactFolders().toGetRequestInformation());

        BatchResponseContent answer = graph.getBatchRequestBuilder().post(batch, null);

        assertEquals(List.of(400), List.copyOf(answer.getResponsesStatusCode().values()),
                "the SDK writes 'box/graph/v1.0/users/...', which is not a path under Graph's version root");
    }

    private String sendRaw(GraphServiceClient graph, String json) {
        return graph.getRequestAdapter().sendPrimitive(rawBatch(json),
                new java.util.HashMap<>(Map.of("XXX", ODataError::createFromDiscriminatorValue)), String.class);
    }

    private com.microsoft.kiota.RequestInformation rawBatch(String json) {
        var info = new com.microsoft.kiota.RequestInformation();
        info.httpMethod = com.microsoft.kiota.HttpMethod.POST;
        info.urlTemplate = "{+baseurl}/$batch";
        info.pathParameters.put("baseurl", httpsRoot + "/graph/v1.0");
        info.setStreamContent(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "application/json");
        return info;
    }

    @Test
    void fiveConcurrentRequestsToOneMailboxGetExactlyOne429AndTheRetryHandlerRecovers() throws Exception {
        GraphServiceClient graph = graph();
        graph.users().byUserId(ALICE).contactFolders().get();
        admin.call("PUT", "/limits", "{\"latencyMillis\":2000,\"retryAfterSeconds\":3}");

        List<Object> withoutRetry = concurrently(5, () -> {
            try {
                return graph.users().byUserId(ALICE).contactFolders()
                        .get(rc -> rc.options.add(new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0)));
            } catch (ODataError e) {
                return e;
            }
        });
        List<ODataError> throttled = withoutRetry.stream().filter(ODataError.class::isInstance).map(ODataError.class::cast).toList();
        assertEquals(1, throttled.size(), withoutRetry.toString());
        assertEquals(429, throttled.get(0).getResponseStatusCode());
        String retryAfter = throttled.get(0).getResponseHeaders().get("Retry-After").iterator().next();
        assertTrue(Double.parseDouble(retryAfter) > 0, retryAfter);
        assertEquals(1, admin.counters(ALICE).getInt("throttled"));

        List<Object> withRetry = concurrently(5, () -> graph.users().byUserId(ALICE).contactFolders().get());
        assertTrue(withRetry.stream().noneMatch(Throwable.class::isInstance), withRetry.toString());
        assertEquals(2, admin.counters(ALICE).getInt("throttled"), "one more 429, retried by the SDK's RetryHandler");
    }

    private static List<Object> concurrently(int count, java.util.concurrent.Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void injectedFaultsReachTheSdkAndTheRetryHandlerOutlastsTransientOnes() {
        GraphServiceClient graph = graph();
        graph.users().byUserId(ALICE).contactFolders().get();
        admin.call("PUT", "/faults", "{\"script\":[\"THROTTLED\",\"UNAVAILABLE\"]}");
        graph.users().byUserId(ALICE).contactFolders().get();
        assertEquals(2, admin.counters(ALICE).getInt("faults"), "two faults, then success through the RetryHandler");

        admin.call("PUT", "/faults", "{\"script\":[\"DROPPED_CONNECTION\"]}");
        RuntimeException dropped = assertThrows(RuntimeException.class, () -> graph.users().byUserId(ALICE).contactFolders().get());
        assertTrue(rootCause(dropped) instanceof java.io.IOException, causeChain(dropped));
        graph.users().byUserId(ALICE).contactFolders().get();
    }

    @Test
    void theAdminEndpointsNeedTheAdminKey() {
        HttpResponse<String> refused = admin.send("POST", "/reset", "", "wrong-key");
        assertEquals(401, refused.statusCode());
        HttpResponse<String> missing = admin.send("GET", "/limits", "", "");
        assertEquals(401, missing.statusCode());
    }
}
