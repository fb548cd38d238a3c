package org.contactsync.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Builds Graph clients: one azure-identity credential and authentication provider per connection settings, cached
 * with its tokens ({@link CachedTokenCredential}: one token request an hour, not one per call), and a Graph client per
 * {@link GraphSession} on top of it, whose HTTP requests are counted, capped at {@value #REQUESTS_IN_FLIGHT_PER_MAILBOX}
 * in flight per app and mailbox, and retried by the SDK's RetryHandler within the session's throttling budget.
 */
@ApplicationScoped
public class GraphClients {

    /** Exchange Online's limit of concurrent requests per app and mailbox. */
    static final int REQUESTS_IN_FLIGHT_PER_MAILBOX = 4;
    /** Room for every connection of 64 mailboxes syncing at once (the job queue's default is 16 employees). */
    private static final int IDLE_CONNECTIONS_KEPT = 64 * REQUESTS_IN_FLIGHT_PER_MAILBOX;
    static final String PREFER_IMMUTABLE_IDS = "IdType=\"ImmutableId\"";
    private static final int CACHED_CONNECTIONS = 16;

    private final Map<GraphConnectionSettings, Connection> connections = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GraphConnectionSettings, Connection> eldest) {
            return size() > CACHED_CONNECTIONS;
        }
    };
    private final Map<String, Semaphore> mailboxLanes = new ConcurrentHashMap<>();
    /** Set by the container; absent where tests build clients themselves. */
    @Resource
    ManagedThreadFactory managedThreads;
    private ExecutorService batchThreads;
    /**
     * The connections every session shares. OkHttp's default pool keeps five idle connections, a client app's need: a
     * server syncing many mailboxes has up to {@value #REQUESTS_IN_FLIGHT_PER_MAILBOX} requests in flight in each,
     * and whenever more than five of those connections were idle at once (between two runs, or two rounds of one),
     * the rest were closed, to be opened again with a TLS handshake each. Kept for OkHttp's five minutes instead; the
     * pool holds no more connections than were in use at once.
     */
    private final ConnectionPool connectionPool = new ConnectionPool(IDLE_CONNECTIONS_KEPT, 5, TimeUnit.MINUTES);
    private final Function<GraphConnectionSettings, TokenCredential> credentials;
    private GraphTraffic traffic = GraphTraffic.NONE;

    public GraphClients() {
        this(GraphClients::credential);
    }

    /** With another source of credentials: the unit tests' static token. */
    GraphClients(Function<GraphConnectionSettings, TokenCredential> credentials) {
        this.credentials = credentials;
    }

    /** Where every session tells its requests and throttled answers: the application's metrics. */
    @Inject
    void reportTo(GraphTraffic traffic) {
        this.traffic = traffic;
    }

    /** A credential and an authentication provider for one set of connection settings. */
    record Connection(TokenCredential credential, AuthenticationProvider authentication) {
    }

    /** The cached credential and authentication provider of these settings. */
    Connection connection(GraphConnectionSettings settings) {
        synchronized (connections) {
            return connections.computeIfAbsent(settings, this::connect);
        }
    }

    private Connection connect(GraphConnectionSettings settings) {
        TokenCredential credential = new CachedTokenCredential(credentials.apply(settings));
        return new Connection(credential, new AzureIdentityAuthenticationProvider(credential,
                new String[]{settings.graphHost()}, settings.graphScope()));
    }

    static TokenCredential credential(GraphConnectionSettings settings) {
        boolean discovery = settings.isMicrosoftAuthority();
        if (settings.credential() instanceof GraphConnectionSettings.ClientSecret secret) {
            var builder = new ClientSecretCredentialBuilder()
                    .tenantId(settings.tenantId()).clientId(settings.clientId()).clientSecret(secret.value())
                    .authorityHost(settings.tokenAuthorityHost()).maxRetry(1);
            return (discovery ? builder : builder.disableInstanceDiscovery()).build();
        }
        var certificate = (GraphConnectionSettings.ClientCertificate) settings.credential();
        var builder = new ClientCertificateCredentialBuilder()
                .tenantId(settings.tenantId()).clientId(settings.clientId())
                .authorityHost(settings.tokenAuthorityHost()).maxRetry(1);
        var bytes = new ByteArrayInputStream(certificate.bytes());
        if (certificate.format() == GraphConnectionSettings.CertificateFormat.PEM) {
            builder.pemCertificate(bytes);
        } else {
            builder.pfxCertificate(bytes);
            certificate.password().ifPresent(builder::clientCertificatePassword);
        }
        return (discovery ? builder : builder.disableInstanceDiscovery()).build();
    }

    /** A new session on one mailbox (or on none, for connection checks); {@code heartbeat} precedes every request. */
    GraphSession session(GraphConnectionSettings settings, String mailbox, ThrottleBudget budget,
            SessionHeartbeat heartbeat) {
        Connection connection = connection(settings);
        GraphSession.Counters counters = new GraphSession.Counters(budget, traffic);
        Semaphore lane = mailboxLanes.computeIfAbsent(settings.clientId() + "|" + mailbox.toLowerCase(Locale.ROOT),
                key -> new Semaphore(REQUESTS_IN_FLIGHT_PER_MAILBOX, true));
        RetryHandlerOption retry = new RetryHandlerOption(
                (delay, attempt, request, response) -> mayBeSentAgain(request, response)
                        && counters.mayWait(RetryAfter.secondsAsked(response)),
                budget.retriesPerRequest(), RetryAfter.FIRST_BACK_OFF.toSeconds());
        OkHttpClient http = GraphClientFactory.create(new RequestOption[]{retry})
                .connectionPool(connectionPool)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(100))
                .addNetworkInterceptor(chain -> inLane(lane, chain, counters, heartbeat))
                .addNetworkInterceptor(RetryAfter::normalise)
                .build();
        BaseGraphRequestAdapter adapter = new BaseGraphRequestAdapter(connection.authentication(),
                settings.graphEndpoint(), http);
        return new GraphSession(new GraphServiceClient(adapter), counters, mailbox, batchThreads());
    }

    /**
     * The threads batch requests go out on, shared by every session (each keeps at most four busy): in the server the
     * server's managed threads, so that the session heartbeat they run may use the database; elsewhere (tests that
     * build clients themselves) daemon threads of their own.
     */
    private synchronized ExecutorService batchThreads() {
        if (batchThreads == null) {
            batchThreads = Executors.newCachedThreadPool(managedThreads != null ? managedThreads : runnable -> {
                Thread thread = new Thread(runnable, "graph-batch");
                thread.setDaemon(true);
                return thread;
            });
        }
        return batchThreads;
    }

    @PreDestroy
    synchronized void stopBatchThreads() {
        if (batchThreads != null) {
            batchThreads.shutdownNow();
        }
    }

    /** A request the session did not send because its heartbeat said stop (the run lost its lease). */
    static final class SessionStopped extends java.io.IOException {
        static final String CODE = "SessionStopped";

        SessionStopped() {
            super("Request not sent: the session was told to stop");
        }
    }

    /**
     * Whether the RetryHandler may send a failed request again. A POST (a create, a {@code $batch}) answered 503 or
     * 504 may have been carried out (alcionai/corso#3278: a folder POST answered 5xx had made the folder): sending it
     * again could make a second contact, so the caller reads back instead. 429 means not carried out; PATCH, DELETE,
     * GET and a {@code $batch} of GETs only give the same result when repeated.
     */
    static boolean mayBeSentAgain(okhttp3.Request request, Response response) {
        return response.code() == 429 || !request.method().equals("POST") || onlyReads(request);
    }

    /** Whether the request is a {@code $batch} whose items are all GETs. */
    private static boolean onlyReads(okhttp3.Request request) {
        if (!request.url().encodedPath().endsWith("/$batch") || request.body() == null) {
            return false;
        }
        try (okio.Buffer body = new okio.Buffer()) {
            request.body().writeTo(body);
            try (jakarta.json.JsonReader reader = org.contactsync.platform.JsonProviders.JSON
                    .createReader(new java.io.StringReader(body.readUtf8()))) {
                return reader.readObject().getJsonArray("requests").getValuesAs(jakarta.json.JsonObject.class).stream()
                        .allMatch(item -> item.getString("method", "").equalsIgnoreCase("GET"));
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * One HTTP exchange: asks the heartbeat whether to go on, waits for a free slot of the mailbox, counts the
     * request, asks for immutable ids. A network interceptor, so that each retry of the RetryHandler passes here too.
     */
    private static Response inLane(Semaphore lane, Interceptor.Chain chain, GraphSession.Counters counters,
            SessionHeartbeat heartbeat) throws java.io.IOException {
        if (!heartbeat.beat()) {
            throw new SessionStopped();
        }
        lane.acquireUninterruptibly();
        try {
            counters.countRequest();
            var request = chain.request();
            String prefer = request.header("Prefer");
            if (prefer == null || !prefer.contains("IdType")) {
                request = request.newBuilder().header("Prefer",
                        prefer == null ? PREFER_IMMUTABLE_IDS : prefer + ", " + PREFER_IMMUTABLE_IDS).build();
            }
            Response response = chain.proceed(request);
            if (response.code() == 429) {
                counters.countThrottled();
            }
            return response;
        } finally {
            lane.release();
        }
    }
}
