package org.contactsync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole sandbox: the identity endpoint, the mailboxes, and the way every Graph request goes through it: bearer
 * token, route, mailbox, injected fault, permission, Exchange's limits, latency, then the operation. Thread-safe;
 * state lives in memory until {@link #reset()}.
 */
public final class Sandbox {

    private final SandboxSettings settings;
    private final Clock clock;
    private final TokenService tokens;
    private final Throttle throttle;
    private final FaultInjector faults;
    private final AtomicReference<SandboxSettings.Limits> limits;
    private volatile MailboxRules configuredRules = MailboxRules.exchangeOnline();
    private final AtomicReference<MailboxRules> mailboxRules = new AtomicReference<>(configuredRules);
    private final AtomicReference<BatchDispatch> batchDispatch;
    private final AtomicReference<ConcurrencyScope> concurrencyScope;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Executor batchItemThreads;

    /** A sandbox whose batch items run on {@code batchItemThreads}: in the server, managed threads. */
    public Sandbox(SandboxSettings settings, Clock clock, Executor batchItemThreads) {
        this(settings, clock, new Random(), batchItemThreads);
    }

    /** A sandbox for tests outside a server: batch items run on daemon threads of its own. */
    Sandbox(SandboxSettings settings, Clock clock) {
        this(settings, clock, new Random());
    }

    Sandbox(SandboxSettings settings, Clock clock, Random random) {
        this(settings, clock, random, Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-batch-item");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private Sandbox(SandboxSettings settings, Clock clock, Random random, Executor batchItemThreads) {
        this.settings = settings;
        this.clock = clock;
        this.batchItemThreads = batchItemThreads;
        this.tokens = new TokenService(settings, clock);
        this.throttle = new Throttle(clock);
        this.faults = new FaultInjector(settings.faults(), random);
        this.limits = new AtomicReference<>(settings.limits());
        this.batchDispatch = new AtomicReference<>(settings.batchDispatch());
        this.concurrencyScope = new AtomicReference<>(settings.concurrencyScope());
        reset();
    }

    public SandboxSettings settings() {
        return settings;
    }

    // Identity --------------------------------------------------------------------------------------------------

    public IdentityResponse requestToken(String tenant, Map<String, String> form) {
        return tokens.requestToken(tenant, form);
    }

    /** How many token requests the identity endpoint has answered since the server started. */
    public long tokenRequests() {
        return tokens.requestCount();
    }

    /** Every access token issued so far is expired from now on. */
    public void expireAccessTokens() {
        tokens.expireIssuedTokens();
    }

    // Graph -----------------------------------------------------------------------------------------------------

    /**
     * Answers one Graph request (a {@code $batch} included), never throwing: errors are Graph error responses. The
     * round trip and the time it took are counted for each mailbox it reached.
     */
    public GraphResponse handle(GraphRequest request) {
        long started = System.nanoTime();
        Set<String> reached = ConcurrentHashMap.newKeySet();
        try {
            return answer(request, reached);
        } finally {
            long handlingNanos = System.nanoTime() - started;
            reached.forEach(mailbox -> throttle.countRoundTrip(mailbox, handlingNanos));
        }
    }

    private GraphResponse answer(GraphRequest request, Set<String> reached) {
        String requestId = GraphJson.newRequestId();
        GraphResponse response;
        try {
            AccessGrant grant = tokens.authenticate(request.header("Authorization"));
            Route route = Route.parse(request.path());
            noteMailbox(route, reached);
            Optional<FaultKind> fault = faults.next(FaultInjector.Occasion.of(request, false, route.kind() == Route.Kind.DELTA
                    && (request.queryParameter("$deltatoken").isPresent() || request.queryParameter("$skiptoken").isPresent())));
            Optional<GraphResponse> faulted = fault.filter(f -> !f.afterTheWork()).flatMap(f -> inject(f, route, requestId));
            if (faulted.isPresent()) {
                response = faulted.get();
            } else if (route.kind() == Route.Kind.BATCH) {
                if (!request.method().equals("POST")) {
                    throw new GraphError(405, "ErrorInvalidRequest", "The OData request is not supported.");
                }
                response = BatchProcessor.execute(request, (item, admission) -> execute(item, grant, reached, admission),
                        batchItemThreads, batchDispatch.get());
            } else {
                response = execute(request, grant, route, BatchProcessor.Admission.NONE);
            }
            if (fault.filter(FaultKind::afterTheWork).isPresent()) {
                response = answerLost(fault.get(), reached, requestId);
            }
        } catch (GraphError e) {
            response = errorResponse(e, requestId, request);
        }
        return response.dropConnection() ? response : response.withHeader("request-id", requestId)
                .withHeader("client-request-id", request.header("client-request-id").orElse(requestId));
    }

    private void noteMailbox(Route route, Set<String> reached) {
        route.user().flatMap(this::findMailbox).ifPresent(mailbox -> reached.add(mailbox.userPrincipalName));
    }

    /** Each item of a batch. */
    private GraphResponse execute(GraphRequest request, AccessGrant grant, Set<String> reached,
                                  BatchProcessor.Admission admission) {
        String requestId = GraphJson.newRequestId();
        try {
            Route route = Route.parse(request.path());
            if (route.kind() == Route.Kind.BATCH) {
                throw GraphError.badRequest("BadRequest", "A batch cannot contain a batch.");
            }
            noteMailbox(route, reached);
            Optional<FaultKind> fault = faults.next(FaultInjector.Occasion.of(request, true, false));
            GraphResponse response = execute(request, grant, route, admission);
            return fault.isPresent() ? answerLost(fault.get(), Set.of(mailbox(route.user().orElseThrow()).userPrincipalName),
                    requestId) : response;
        } catch (GraphError e) {
            return errorResponse(e, requestId, request);
        }
    }

    /**
     * The answer to a request whose work was done: a 5xx in its place, or a dropped connection; counted as a fault
     * of each mailbox the work reached.
     */
    private GraphResponse answerLost(FaultKind fault, Set<String> mailboxes, String requestId) {
        mailboxes.forEach(throttle::countFault);
        if (fault.status() == 0) {
            return GraphResponse.dropped();
        }
        return asResponse(serverError(fault.status()), requestId);
    }

    /** A 5xx as Graph's front end answers it (codes from concepts/errors.md). */
    private GraphError serverError(int status) {
        return switch (status) {
            case 500 -> new GraphError(500, "generalException", "An unspecified error has occurred.");
            case 502 -> new GraphError(502, "BadGateway", "The server, while acting as a gateway or proxy, received an "
                    + "invalid response from the upstream server.");
            case 503 -> new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable for "
                    + "maintenance or is overloaded. You may repeat the request after a delay.")
                    .withHeader("Retry-After", Integer.toString(limits.get().retryAfterSeconds()));
            case 504 -> new GraphError(504, "UnknownError", "The server, while acting as a proxy, did not receive a "
                    + "timely response from the upstream server.");
            default -> throw new IllegalArgumentException("No server error " + status);
        };
    }

    private GraphResponse execute(GraphRequest request, AccessGrant grant, Route route,
                                  BatchProcessor.Admission admission) {
        Mailbox mailbox = mailbox(route.user().orElseThrow());
        if (route.isRead(request.method()) ? !grant.canRead(mailbox.userPrincipalName)
                : !grant.canWrite(mailbox.userPrincipalName)) {
            throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        SandboxSettings.Limits current = limits.get();
        Throttle.Permit permit;
        try {
            permit = throttle.enter(grant.clientId(), mailbox.userPrincipalName, request.method(), current,
                    concurrencyScope.get());
        } finally {
            admission.asked();
        }
        try {
            admission.awaitOthers();
            pause(current.latency());
            return GraphEndpoints.dispatch(route, request, mailbox);
        } finally {
            throttle.leave(permit);
        }
    }

    private Optional<GraphResponse> inject(FaultKind fault, Route route, String requestId) {
        route.user().flatMap(this::findMailbox).ifPresent(m -> throttle.countFault(m.userPrincipalName));
        return switch (fault) {
            case THROTTLED -> Optional.of(asResponse(Throttle.throttled("TooManyRequests", "Please retry again later.",
                    limits.get().retryAfterSeconds()), requestId));
            case UNAVAILABLE, GATEWAY_TIMEOUT -> Optional.of(asResponse(serverError(fault.status()), requestId));
            case DROPPED_CONNECTION -> Optional.of(GraphResponse.dropped());
            case SLOW -> {
                pause(faults.settings().slowResponse());
                yield Optional.empty();
            }
            case DELTA_TOKEN_EXPIRED -> {
                route.user().flatMap(this::findMailbox).ifPresent(Mailbox::expireSyncStates);
                yield Optional.empty();
            }
            default -> throw new IllegalArgumentException(fault + " comes after the work, not instead of it");
        };
    }

    private GraphResponse asResponse(GraphError error, String requestId) {
        return errorResponse(error, requestId, Optional.empty());
    }

    private GraphResponse errorResponse(GraphError error, String requestId, GraphRequest request) {
        return errorResponse(error, requestId, request.header("client-request-id"));
    }

    private GraphResponse errorResponse(GraphError error, String requestId, Optional<String> clientRequestId) {
        GraphResponse response = GraphResponse.json(error.status(), GraphJson.error(error, requestId, clientRequestId, clock));
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            Optional<String> value = header.getKey().equalsIgnoreCase("Retry-After")
                    ? faults.settings().retryAfter().render(Long.parseLong(header.getValue()), clock.instant())
                    : Optional.of(header.getValue());
            if (value.isPresent()) {
                response = response.withHeader(header.getKey(), value.get());
            }
        }
        return response;
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Outlook: what the mailbox owner does in Outlook; no app token, no app limits, changes visible to delta ---

    /** A folder as Outlook lists it: the default Contacts folder first, then its subfolders. */
    public record FolderSummary(String id, String displayName, boolean isDefault) {
    }

    public List<FolderSummary> outlookFolders(String user) {
        Mailbox mailbox = mailbox(user);
        synchronized (mailbox) {
            List<FolderSummary> folders = new java.util.ArrayList<>();
            ContactFolder contacts = mailbox.contactsFolder();
            folders.add(new FolderSummary(contacts.id, contacts.displayName, true));
            mailbox.folders().forEach(f -> folders.add(new FolderSummary(f.id, f.displayName, false)));
            return folders;
        }
    }

    /** The folder's contacts as Graph JSON, by display name. */
    public List<jakarta.json.JsonObject> outlookContacts(String user, String folderId) {
        Mailbox mailbox = mailbox(user);
        synchronized (mailbox) {
            return mailbox.contacts(folderId).stream()
                    .map(c -> GraphJson.contact(c, java.util.Set.of(), Optional.empty()))
                    .sorted(java.util.Comparator.comparing(c -> c.getString("displayName", "").toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    /** Creates a contact from Graph JSON (checked as a Graph POST body); throws {@link GraphError} if refused. */
    public jakarta.json.JsonObject outlookCreate(String user, String folderId, jakarta.json.JsonObject contact) {
        Mailbox mailbox = mailbox(user);
        synchronized (mailbox) {
            return GraphJson.contact(mailbox.createContact(folderId, ContactBody.parse(Optional.of(contact))),
                    java.util.Set.of(), Optional.empty());
        }
    }

    /** Changes a contact with Graph JSON (a PATCH body); throws {@link GraphError} if refused. */
    public jakarta.json.JsonObject outlookUpdate(String user, String folderId, String contactId,
                                                 jakarta.json.JsonObject changes) {
        Mailbox mailbox = mailbox(user);
        synchronized (mailbox) {
            return GraphJson.contact(mailbox.updateContact(folderId, contactId, ContactBody.parse(Optional.of(changes)),
                    Optional.empty()), java.util.Set.of(), Optional.empty());
        }
    }

    public void outlookDelete(String user, String folderId, String contactId) {
        mailbox(user).deleteContact(folderId, contactId, Optional.empty());
    }

    // Mailboxes -------------------------------------------------------------------------------------------------

    /** A mailbox by user principal name or user id; 404 ErrorInvalidUser as Graph answers for an unknown user. */
    public Mailbox mailbox(String user) {
        return findMailbox(user).orElseThrow(() -> GraphError.invalidUser(user));
    }

    public Optional<Mailbox> findMailbox(String user) {
        String key = user.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(mailboxes.get(key))
                .or(() -> mailboxes.values().stream().filter(m -> m.id.equalsIgnoreCase(user)).findFirst());
    }

    public List<String> mailboxNames() {
        return settings.mailboxes().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    public MailboxCounters counters(String user) {
        return throttle.counters(mailbox(user).userPrincipalName);
    }

    /** Empties one mailbox and its counters; its delta tokens no longer match anything. */
    public void resetMailbox(String user) {
        Mailbox old = mailbox(user);
        mailboxes.put(old.userPrincipalName, new Mailbox(old.userPrincipalName, clock, mailboxRules::get));
        throttle.reset(old.userPrincipalName);
    }

    /** Back to the configured start: empty mailboxes, no counters, configured limits, batch dispatch, concurrency scope and faults. */
    public void reset() {
        mailboxes.clear();
        for (String name : settings.mailboxes()) {
            Mailbox mailbox = new Mailbox(name, clock, mailboxRules::get);
            mailboxes.put(mailbox.userPrincipalName, mailbox);
        }
        throttle.resetAll();
        limits.set(settings.limits());
        batchDispatch.set(settings.batchDispatch());
        concurrencyScope.set(settings.concurrencyScope());
        faults.configure(settings.faults());
        mailboxRules.set(configuredRules);
    }

    /** The configured mailbox rules, which {@link #reset()} goes back to; in effect from now on. */
    public void configureMailboxRules(MailboxRules rules) {
        configuredRules = rules;
        mailboxRules.set(rules);
    }

    public MailboxRules mailboxRules() {
        return mailboxRules.get();
    }

    public void setMailboxRules(MailboxRules rules) {
        mailboxRules.set(rules);
    }

    /** Drops the delta sync states of a mailbox: its delta tokens get 410 from now on. */
    public void expireDeltaTokens(String user) {
        mailbox(user).expireSyncStates();
    }

    public SandboxSettings.Limits limits() {
        return limits.get();
    }

    public void setLimits(SandboxSettings.Limits newLimits) {
        limits.set(newLimits);
    }

    /** How a parallel batch's items reach Exchange from now on (see {@link BatchDispatch}). */
    public BatchDispatch batchDispatch() {
        return batchDispatch.get();
    }

    public void setBatchDispatch(BatchDispatch dispatch) {
        batchDispatch.set(dispatch);
    }

    /** Whose requests the concurrency limit counts together from now on (see {@link ConcurrencyScope}). */
    public ConcurrencyScope concurrencyScope() {
        return concurrencyScope.get();
    }

    public void setConcurrencyScope(ConcurrencyScope scope) {
        concurrencyScope.set(scope);
    }

    public SandboxSettings.FaultSettings faults() {
        return faults.settings();
    }

    public void setFaults(SandboxSettings.FaultSettings newFaults) {
        faults.configure(newFaults);
    }
}
