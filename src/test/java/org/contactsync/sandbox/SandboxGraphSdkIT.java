package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import com.microsoft.graph.core.content.BatchResponseContentCollection;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.contactsync.testsupport.Deployments;
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
 * these tests fail.
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
        admin = new SandboxAdmin(base.toString().replaceAll("/$", "") + "/sandbox");
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

    private static Contact contact(String givenName, String surname, String email, String crmNo) {
        Contact contact = new Contact();
        contact.setGivenName(givenName);
        contact.setSurname(surname);
        EmailAddress address = new EmailAddress();
        address.setAddress(email);
        contact.setEmailAddresses(List.of(address));
        SingleValueLegacyExtendedProperty key = new SingleValueLegacyExtendedProperty();
        key.setId(CRM_KEY);
        key.setValue(crmNo);
        contact.setSingleValueExtendedProperties(List.of(key));
        return contact;
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

    @Test
    void foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused() {
        var folders = graph().users().byUserId(ALICE).contactFolders();
        ContactFolder crm = folders.post(folderNamed("CRM"));
        ODataError duplicate = assertThrows(ODataError.class, () -> folders.post(folderNamed("CRM")));
        assertEquals(409, duplicate.getResponseStatusCode());
        assertEquals("ErrorFolderExists", duplicate.getError().getCode());

        var found = folders.get(rc -> {
            rc.queryParameters.filter = "displayName eq 'CRM'";
            rc.queryParameters.top = 10;
        }).getValue();
        assertEquals(List.of(crm.getId()), found.stream().map(ContactFolder::getId).toList());

        ContactFolder renamed = folders.byContactFolderId(crm.getId()).patch(folderNamed("CRM contacts"));
        assertEquals("CRM contacts", folders.byContactFolderId(crm.getId()).get().getDisplayName());
        assertEquals(crm.getId(), renamed.getId());

        folders.byContactFolderId(crm.getId()).delete();
        ODataError gone = assertThrows(ODataError.class, () -> folders.byContactFolderId(crm.getId()).get());
        assertEquals(404, gone.getResponseStatusCode());

        ODataError nobody = assertThrows(ODataError.class,
                () -> graph().users().byUserId("mallory@contoso.example").contactFolders().get());
        assertEquals("ErrorInvalidUser", nobody.getError().getCode());
    }

    @Test
    void contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted() throws Exception {
        GraphServiceClient graph = graph();
        String folderId = graph.users().byUserId(ALICE).contactFolders().post(folderNamed("CRM")).getId();
        ContactsRequestBuilder contacts = graph.users().byUserId(ALICE).contactFolders().byContactFolderId(folderId).contacts();
        List<Contact> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(contacts.post(contact("Person", "No" + i, "person" + i + "@example.com", "CT" + (1000 + i))));
        }
        assertEquals("Person No0", created.get(0).getDisplayName());

        ContactCollectionResponse firstPage = contacts.get(rc -> {
            rc.queryParameters.top = 5;
            rc.queryParameters.select = new String[]{"givenName", "surname", "changeKey"};
        });
        Set<String> seen = new HashSet<>();
        new PageIterator.Builder<Contact, ContactCollectionResponse>()
                .client(graph)
                .collectionPage(firstPage)
                .collectionPageFactory(ContactCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(c -> {
                    assertTrue(seen.add(c.getId()));
                    assertEquals(null, c.getEmailAddresses(), "not selected");
                    return true;
                })
                .build()
                .iterate();
        assertEquals(12, seen.size());

        var byEmail = contacts.get(rc -> rc.queryParameters.filter = "emailAddresses/any(a:a/address eq 'person3@example.com')").getValue();
        assertEquals(List.of(created.get(3).getId()), byEmail.stream().map(Contact::getId).toList());
        var byKey = contacts.get(rc -> rc.queryParameters.filter = "singleValueExtendedProperties/Any(ep: ep/id eq '"
                + CRM_KEY + "' and ep/value eq 'CT1007')").getValue();
        assertEquals(List.of(created.get(7).getId()), byKey.stream().map(Contact::getId).toList());

        Contact withKey = contacts.byContactId(created.get(7).getId()).get(rc -> rc.queryParameters.expand =
                new String[]{"singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "')"});
        assertEquals("CT1007", withKey.getSingleValueExtendedProperties().get(0).getValue());

        Contact change = new Contact();
        change.setJobTitle("CTO");
        String firstEtag = (String) created.get(0).getAdditionalData().get("@odata.etag");
        Contact updated = contacts.byContactId(created.get(0).getId()).patch(change, rc -> {
            rc.headers.add("If-Match", firstEtag);
            rc.headers.add("Prefer", "IdType=\"ImmutableId\"");
        });
        assertEquals("CTO", updated.getJobTitle());
        assertEquals("No0", updated.getSurname());
        assertNotEquals(created.get(0).getChangeKey(), updated.getChangeKey());
        assertEquals(created.get(0).getId(), updated.getId());

        ODataError stale = assertThrows(ODataError.class, () -> contacts.byContactId(created.get(0).getId())
                .patch(change, rc -> rc.headers.add("If-Match", firstEtag)));
        assertEquals(412, stale.getResponseStatusCode());
        assertEquals("ErrorIrresolvableConflict", stale.getError().getCode());

        contacts.byContactId(created.get(0).getId()).delete();
        ODataError gone = assertThrows(ODataError.class, () -> contacts.byContactId(created.get(0).getId()).get());
        assertEquals("ErrorItemNotFound", gone.getError().getCode());
    }

    @Test
    void theDeltaLoopSeesEverythingThenChangesAndDeletionsAndRestartsAfter410() {
        GraphServiceClient graph = graph();
        String folderId = graph.users().byUserId(ALICE).contactFolders().post(folderNamed("CRM")).getId();
        ContactsRequestBuilder contacts = graph.users().byUserId(ALICE).contactFolders().byContactFolderId(folderId).contacts();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(contacts.post(contact("Person", "No" + i, "p" + i + "@example.com", "CT" + i)).getId());
        }

        List<Contact> firstRound = new ArrayList<>();
        DeltaGetResponse page = contacts.delta().get(rc -> {
            rc.queryParameters.select = new String[]{"givenName", "surname", "changeKey"};
            rc.headers.add("Prefer", "odata.maxpagesize=2");
        });
        int pages = 1;
        while (page.getOdataNextLink() != null) {
            firstRound.addAll(page.getValue());
            page = contacts.delta().withUrl(page.getOdataNextLink()).get();
            pages++;
        }
        firstRound.addAll(page.getValue());
        String deltaLink = page.getOdataDeltaLink();
        assertEquals(3, pages);
        assertEquals(Set.copyOf(ids), Set.copyOf(firstRound.stream().map(Contact::getId).toList()));

        Contact change = new Contact();
        change.setJobTitle("CTO");
        contacts.byContactId(ids.get(1)).patch(change);
        contacts.byContactId(ids.get(2)).delete();
        DeltaGetResponse second = contacts.delta().withUrl(deltaLink).get();
        assertEquals(Set.of(ids.get(1), ids.get(2)), Set.copyOf(second.getValue().stream().map(Contact::getId).toList()));
        Contact removed = second.getValue().stream().filter(c -> c.getId().equals(ids.get(2))).findFirst().orElseThrow();
        assertTrue(removed.getAdditionalData().containsKey("@removed"));
        assertFalse(second.getValue().stream().filter(c -> c.getId().equals(ids.get(1))).findFirst().orElseThrow()
                .getAdditionalData().containsKey("@removed"));

        admin.call("POST", "/mailboxes/" + ALICE + "/delta-tokens/expire", "");
        ODataError gone = assertThrows(ODataError.class, () -> contacts.delta().withUrl(second.getOdataDeltaLink()).get());
        assertEquals(410, gone.getResponseStatusCode());
        assertEquals("syncStateNotFound", gone.getError().getCode());
        assertEquals(4, contacts.delta().get().getValue().size(), "a full resync after the reset");
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
                    contact("P", prefix + i, prefix + i + "@example.com", prefix + i))));
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
                item(graph, contacts.toPostRequestInformation(contact("Ada", "Lovelace", "ada@example.com", "CT1"))))));
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
