package org.contactsync.sandbox;

import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Microsoft Graph that the SDK-level contract ({@link GraphSdkContract}) runs against: the sandbox, or a real
 * Microsoft 365 tenant. Everything a client needs: Graph's base URL, the Entra ID authority host, tenant, app
 * (client id and secret), the token scope, and the mailbox whose test folders the contract may create and delete.
 *
 * @param graphBaseUrl  e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authorityHost e.g. {@code https://login.microsoftonline.com}
 * @param tenant        tenant id or name
 * @param clientId      the app registration's client id
 * @param clientSecret  its secret; never shown by {@link #toString()}
 * @param mailbox       the test mailbox (user principal name)
 * @param tokenScope    the client-credentials scope, {@code {Graph resource}/.default}
 */
record GraphTarget(String graphBaseUrl, String authorityHost, String tenant, String clientId, String clientSecret,
                   String mailbox, String tokenScope) {

    /** The environment variables that name a real tenant; each is required. */
    static final List<String> REAL_TENANT_VARIABLES = List.of("CONTACTSYNC_REAL_TENANT_ID",
            "CONTACTSYNC_REAL_CLIENT_ID", "CONTACTSYNC_REAL_CLIENT_SECRET", "CONTACTSYNC_REAL_MAILBOX");
    /** Optional: another Graph endpoint (a national cloud); the token scope follows its host. */
    static final String REAL_GRAPH_ENDPOINT = "CONTACTSYNC_REAL_GRAPH_ENDPOINT";
    /** Optional: another authority host (a national cloud's Entra ID). */
    static final String REAL_AUTHORITY_HOST = "CONTACTSYNC_REAL_AUTHORITY_HOST";

    /** The sandbox's demo app on one of its mailboxes; the sandbox issues tokens for Graph's global audience. */
    static GraphTarget sandbox(String graphBaseUrl, String authorityHost, String mailbox) {
        return new GraphTarget(graphBaseUrl, authorityHost, "contoso-sandbox", SandboxSettings.DEMO_CLIENT_ID,
                SandboxSettings.DEMO_SECRET, mailbox, "https://graph.microsoft.com/.default");
    }

    /** The real tenant named by the environment, or empty when any required variable is missing or blank. */
    static Optional<GraphTarget> realTenant(Map<String, String> environment) {
        if (!missingVariables(environment).isEmpty()) {
            return Optional.empty();
        }
        String endpoint = value(environment, REAL_GRAPH_ENDPOINT).orElse("https://graph.microsoft.com/v1.0");
        return Optional.of(new GraphTarget(endpoint,
                value(environment, REAL_AUTHORITY_HOST).orElse("https://login.microsoftonline.com"),
                environment.get("CONTACTSYNC_REAL_TENANT_ID").strip(),
                environment.get("CONTACTSYNC_REAL_CLIENT_ID").strip(),
                environment.get("CONTACTSYNC_REAL_CLIENT_SECRET").strip(),
                environment.get("CONTACTSYNC_REAL_MAILBOX").strip(),
                "https://" + URI.create(endpoint).getHost() + "/.default"));
    }

    static List<String> missingVariables(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        REAL_TENANT_VARIABLES.stream().filter(name -> value(environment, name).isEmpty()).forEach(missing::add);
        return missing;
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A Graph client as the product builds one: {@code ClientSecretCredential}, a token only for the target's Graph
     * host, Graph's middleware (RetryHandler included), and {@code Prefer: IdType="ImmutableId"} on every request
     * (concepts/outlook-immutable-id.md), so that ids compare equal whichever request returned them.
     */
    GraphServiceClient client() {
        var credential = new ClientSecretCredentialBuilder()
                .tenantId(tenant)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .authorityHost(authorityHost)
                // The sandbox's authority is unknown to MSAL's instance discovery; for Microsoft's own hosts
                // skipping it changes nothing but one request (MSAL then uses the authority as given).
                .disableInstanceDiscovery()
                .build();
        var authentication = new AzureIdentityAuthenticationProvider(credential,
                new String[]{URI.create(graphBaseUrl).getHost()}, tokenScope);
        var http = GraphClientFactory.create()
                .addInterceptor(chain -> {
                    var request = chain.request();
                    String prefer = request.header("Prefer");
                    String immutableIds = "IdType=\"ImmutableId\"";
                    return chain.proceed(request.newBuilder().header("Prefer",
                            prefer == null ? immutableIds : prefer + ", " + immutableIds).build());
                })
                .build();
        return new GraphServiceClient(new BaseGraphRequestAdapter(authentication, graphBaseUrl, http));
    }

    /** Without the secret: this may end up in a test report. */
    @Override
    public String toString() {
        return "GraphTarget[" + graphBaseUrl + ", authority " + authorityHost + ", tenant " + tenant + ", client "
                + clientId + ", mailbox " + mailbox + "]";
    }
}
