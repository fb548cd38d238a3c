package org.contactsync.graph;

import static org.contactsync.platform.JsonProviders.JSON;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.ContactFolderCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.contactsync.contact.SyncedField;

/**
 * One employee's mailbox as the sync engine sees it, for the length of one run: the sync folder, its contacts as
 * {@link OutlookContact}s, delta rounds and batched writes. Every HTTP request is counted ({@link #requestCount()});
 * at most four are in flight per app and mailbox across all sessions; whole requests are retried by the SDK's
 * RetryHandler and throttled batch items by this class, both within the session's {@link ThrottleBudget}. Writes
 * go out in fully sequential batches, up to four batch requests at once on the session's threads. Not thread-safe:
 * one run, one calling thread.
 */
public final class OutlookMailbox {

    /** The largest contact page Outlook serves (community figure, the sandbox honours it). */
    static final int LIST_PAGE_SIZE = 1000;
    /** Contacts delta pages hold at most 200 items. */
    static final String DELTA_PAGE_SIZE = "odata.maxpagesize=200";
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    /** A batch item that did not run because an item before it in its batch failed: send it again. */
    private static final int FAILED_DEPENDENCY = 424;
    /** Batch requests one session has in flight: one per place Exchange gives an app in a mailbox. */
    static final int BATCHES_IN_FLIGHT = GraphClients.REQUESTS_IN_FLIGHT_PER_MAILBOX;
    /** Graph's limit of requests in one {@code $batch}. */
    static final int BATCH_SIZE = 20;
    /** The most writes one {@link #apply} call sends at once: as many as fit the batches in flight. */
    public static final int WRITES_AT_ONCE = BATCH_SIZE * BATCHES_IN_FLIGHT;
    /** Five characters the SDK cuts off a batch item's path (see {@link #asBatchItem}). */
    private static final String VERSION_SEGMENT = "/v1.0";

    private final GraphSession session;
    private final GraphServiceClient graph;
    private final String mailbox;

    OutlookMailbox(GraphSession session) {
        this.session = session;
        this.graph = session.graph();
        this.mailbox = session.mailbox();
    }

    public String mailbox() {
        return mailbox;
    }

    /** HTTP requests this session sent to Graph so far, retries included (a {@code $batch} is one). */
    public int requestCount() {
        return session.counters().requests();
    }

    // Folders ------------------------------------------------------------------------------------------------------

    /** The id of the contact folder with this display name, created when missing. */
    public String ensureFolder(String displayName) {
        return call(() -> findFolder(displayName).orElseGet(() -> createFolder(displayName)));
    }

    private Optional<String> findFolder(String displayName) {
        var found = graph.users().byUserId(mailbox).contactFolders().get(rc -> {
            rc.queryParameters.filter = "displayName eq '" + displayName.replace("'", "''") + "'";
            rc.queryParameters.select = new String[]{"id", "displayName"};
        });
        return Optional.ofNullable(found.getValue()).orElse(List.of()).stream()
                .filter(folder -> displayName.equalsIgnoreCase(folder.getDisplayName()))
                .map(ContactFolder::getId)
                .findFirst();
    }

    private String createFolder(String displayName) {
        try {
            return graph.users().byUserId(mailbox).contactFolders().post(folderNamed(displayName)).getId();
        } catch (ODataError e) {
            if (e.getResponseStatusCode() == 409 || e.getResponseStatusCode() >= 500) {
                // 409: created by a concurrent run between our look-up and our create. 5xx: perhaps created all the
                // same (alcionai/corso#3278). Either way, use the folder if it is there.
                return findFolder(displayName).orElseThrow(() -> e);
            }
            throw e;
        } catch (RuntimeException noAnswer) {
            // The connection dropped before the answer: the folder may have been made.
            return findFolder(displayName).orElseThrow(() -> noAnswer);
        }
    }

    /**
     * Whether the folder is still one of the mailbox's contact folders ({@code GET /contactFolders} lists the folders
     * of the default Contacts folder). A folder the employee deleted in Outlook is no longer listed: Graph moves it to
     * Deleted Items (api-reference contactfolder-delete; contactfolder-permanentdelete is the hard delete), where it
     * may still answer by its id.
     */
    public boolean isInContacts(String folderId) {
        return call(() -> {
            ContactFolderCollectionResponse firstPage = graph.users().byUserId(mailbox).contactFolders().get(rc -> {
                rc.queryParameters.select = new String[]{"id"};
                rc.queryParameters.top = LIST_PAGE_SIZE;
            });
            AtomicBoolean found = new AtomicBoolean();
            iterate(new PageIterator.Builder<ContactFolder, ContactFolderCollectionResponse>()
                    .client(graph)
                    .collectionPage(firstPage)
                    .collectionPageFactory(ContactFolderCollectionResponse::createFromDiscriminatorValue)
                    .processPageItemCallback(folder -> {
                        found.set(folderId.equals(folder.getId()));
                        return !found.get();
                    }));
            return found.get();
        });
    }

    /** Renames the folder; its contacts and their ids stay as they are. */
    public void renameFolder(String folderId, String displayName) {
        call(() -> graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId)
                .patch(folderNamed(displayName)));
    }

    private static ContactFolder folderNamed(String displayName) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(displayName);
        return folder;
    }

    // Reading ------------------------------------------------------------------------------------------------------

    /** Every contact of the folder, with its stamp and Fax No. */
    public List<OutlookContact> listFolder(String folderId) {
        return call(() -> {
            ContactCollectionResponse firstPage = contacts(folderId).get(rc -> {
                rc.queryParameters.select = ContactMapping.SELECTED;
                rc.queryParameters.expand = new String[]{ContactMapping.EXPAND_EXTENDED};
                rc.queryParameters.top = LIST_PAGE_SIZE;
            });
            List<OutlookContact> listing = new ArrayList<>();
            iterate(new PageIterator.Builder<Contact, ContactCollectionResponse>()
                    .client(graph)
                    .collectionPage(firstPage)
                    .collectionPageFactory(ContactCollectionResponse::createFromDiscriminatorValue)
                    .processPageItemCallback(contact -> listing.add(ContactMapping.fromGraph(contact))));
            return listing;
        });
    }

    /**
     * One delta round: from {@code deltaLink}, or from scratch when empty. {@link DeltaRound.Expired} when Graph no
     * longer knows the link (410 SyncStateNotFound: Exchange keeps only the newest few sync states of a folder) or
     * cannot read it (400: what Graph answers for a garbled Outlook delta token is not documented), so that the run
     * starts over instead of failing on the same link run after run.
     */
    public DeltaRound delta(String folderId, Optional<String> deltaLink) {
        var delta = contacts(folderId).delta();
        try {
            DeltaGetResponse firstPage = deltaLink.isPresent()
                    ? delta.withUrl(deltaLink.get()).get(rc -> rc.headers.add("Prefer", DELTA_PAGE_SIZE))
                    : delta.get(rc -> {
                        rc.queryParameters.select = ContactMapping.SELECTED;
                        rc.headers.add("Prefer", DELTA_PAGE_SIZE);
                    });
            Map<String, OutlookContact> changed = new LinkedHashMap<>();
            Set<String> removed = new LinkedHashSet<>();
            PageIterator<Contact, DeltaGetResponse> pages = iterate(new PageIterator.Builder<Contact, DeltaGetResponse>()
                    .client(graph)
                    .collectionPage(firstPage)
                    .collectionPageFactory(DeltaGetResponse::createFromDiscriminatorValue)
                    .requestConfigurator(request -> {
                        request.headers.add("Prefer", DELTA_PAGE_SIZE);
                        return request;
                    })
                    .processPageItemCallback(contact -> {
                        if (contact.getAdditionalData().containsKey("@removed")) {
                            changed.remove(contact.getId());
                            removed.add(contact.getId());
                        } else {
                            removed.remove(contact.getId());
                            changed.put(contact.getId(), ContactMapping.fromGraph(contact));
                        }
                        return true;
                    }));
            String nextDeltaLink = Optional.ofNullable(pages.getDeltaLink())
                    .orElseThrow(() -> new IllegalStateException("The delta round ended without a deltaLink"));
            return new DeltaRound.Changes(List.copyOf(changed.values()), removed, nextDeltaLink, deltaLink.isEmpty());
        } catch (RuntimeException e) {
            Optional<ODataError> gone = GraphFailures.find(e, ODataError.class)
                    .filter(error -> isSyncReset(error) || (deltaLink.isPresent() && error.getResponseStatusCode() == 400));
            if (gone.isPresent()) {
                return new DeltaRound.Expired(GraphFailures.classify(gone.get(), true).detail());
            }
            throw GraphFailures.asException(e, session);
        }
    }

    private static boolean isSyncReset(ODataError error) {
        String code = error.getError() == null ? "" : String.valueOf(error.getError().getCode());
        return error.getResponseStatusCode() == 410 || code.equalsIgnoreCase("syncStateNotFound");
    }

    /**
     * The given contacts with their stamp and Fax No. read from Graph (delta cannot expand extended properties), in
     * batches of 20 GETs. A contact deleted since the delta is left out: the next delta reports its removal.
     */
    public List<OutlookContact> withExtendedProperties(String folderId, Collection<OutlookContact> contacts) {
        List<OutlookContact> partial = List.copyOf(contacts);
        List<RequestInformation> reads = partial.stream().map(c -> contacts(folderId).byContactId(c.graphId())
                .toGetRequestInformation(rc -> {
                    rc.queryParameters.select = new String[]{"id"};
                    rc.queryParameters.expand = new String[]{ContactMapping.EXPAND_EXTENDED};
                })).toList();
        List<Answer> answers = sendInBatches(reads);
        List<OutlookContact> completed = new ArrayList<>();
        for (int i = 0; i < partial.size(); i++) {
            Answer answer = answers.get(i);
            OutlookContact contact = partial.get(i);
            if (answer.status() == 200) {
                Contact read = answer.body(Contact::createFromDiscriminatorValue);
                completed.add(new OutlookContact(contact.graphId(), contact.changeKey(),
                        ContactMapping.extendedValue(read, ContactMapping.STAMP_PROPERTY_ID),
                        contact.values().with(SyncedField.FAX_NO,
                                ContactMapping.extendedValue(read, SyncedField.FAX_PROPERTY_ID).orElse(""))));
            } else if (answer.status() != 404) {
                throw answer.asException(session);
            }
        }
        return completed;
    }

    // Writing ------------------------------------------------------------------------------------------------------

    /**
     * Carries out the writes in {@code $batch} requests of at most 20, up to four at once (so give it at most
     * {@value #WRITES_AT_ONCE} writes per call to keep every batch of a call in flight together); throttled items are
     * retried after their Retry-After within the budget. Updates that rewrite emailAddresses or businessPhones first read
     * Outlook's current entries (one batched GET per 20 such updates) so that entries beyond the mapped ones survive.
     */
    public WriteReport apply(String folderId, List<OutlookWrite> writes) {
        // By identity: two equal writes in one call are two writes with their own outcomes.
        Map<OutlookWrite, WriteOutcome> settled = new IdentityHashMap<>();
        Map<OutlookWrite, ContactMapping.Collections> collections = readCollections(folderId, writes, settled);
        List<OutlookWrite> toSend = writes.stream().filter(w -> !settled.containsKey(w)).toList();
        List<RequestInformation> requests = toSend.stream()
                .map(write -> request(folderId, write, collections.getOrDefault(write, ContactMapping.Collections.none())))
                .toList();
        List<Answer> answers = sendInBatches(requests);
        for (int i = 0; i < toSend.size(); i++) {
            settled.put(toSend.get(i), outcome(toSend.get(i), answers.get(i)));
        }
        settleLostAnswers(folderId, toSend, settled);
        List<WriteOutcome> outcomes = writes.stream().map(settled::get).toList();
        return new WriteReport(outcomes, outcomes.stream().anyMatch(WriteOutcome.Throttled.class::isInstance));
    }

    /**
     * Writes whose answer was lost (a 5xx, or no answer at all: a dropped connection) may well have been carried out
     * (alcionai/corso#3278: a folder POST answered 5xx had made the folder), so they are not simply sent again: each
     * is read back first (a create by its stamp, an update or delete by its id; one batch of GETs), settled when it
     * is found done, and sent once more only when it is found not done. What cannot be read back stays failed; the
     * next run plans it again, and finds a create by its stamp.
     */
    private void settleLostAnswers(String folderId, List<OutlookWrite> sent, Map<OutlookWrite, WriteOutcome> settled) {
        List<OutlookWrite> lost = sent.stream().filter(write -> answerLost(settled.get(write))).toList();
        if (lost.isEmpty()) {
            return;
        }
        List<Answer> readBack = sendInBatches(lost.stream().map(write -> readBack(folderId, write)).toList());
        List<OutlookWrite> notDone = new ArrayList<>();
        Map<OutlookWrite, ContactMapping.Collections> collections = new IdentityHashMap<>();
        for (int i = 0; i < lost.size(); i++) {
            OutlookWrite write = lost.get(i);
            Answer answer = readBack.get(i);
            Optional<WriteOutcome> found = foundDone(write, answer);
            if (found.isPresent()) {
                settled.put(write, found.get());
            } else if (foundNotDone(write, answer)) {
                notDone.add(write);
                if (write instanceof OutlookWrite.Update && answer.status() == 200) {
                    collections.put(write, ContactMapping.Collections.of(answer.body(Contact::createFromDiscriminatorValue)));
                }
            }
        }
        List<Answer> again = sendInBatches(notDone.stream().map(write -> request(folderId, write,
                collections.getOrDefault(write, ContactMapping.Collections.none()))).toList());
        for (int i = 0; i < notDone.size(); i++) {
            settled.put(notDone.get(i), outcome(notDone.get(i), again.get(i)));
        }
    }

    /**
     * A 5xx or no answer (not a request the stopped session kept back); or, for an update, a 412 that may follow its
     * own lost answer (the item was sent again, and the first attempt had already changed the change key).
     */
    private static boolean answerLost(WriteOutcome outcome) {
        return outcome instanceof WriteOutcome.Failed failed && (failed.status() >= 500
                || failed.status() == 0 && !failed.code().equals(GraphClients.SessionStopped.CODE))
                || outcome instanceof WriteOutcome.Conflict conflict && conflict.write() instanceof OutlookWrite.Update;
    }

    /** The GET that shows whether a write was carried out. */
    private RequestInformation readBack(String folderId, OutlookWrite write) {
        if (write instanceof OutlookWrite.Create create) {
            return contacts(folderId).toGetRequestInformation(rc -> {
                rc.queryParameters.filter = "singleValueExtendedProperties/any(ep: ep/id eq '"
                        + ContactMapping.STAMP_PROPERTY_ID + "' and ep/value eq '" + create.contactNo().replace("'", "''")
                        + "')";
                rc.queryParameters.select = new String[]{"id", "changeKey"};
            });
        }
        String graphId = write instanceof OutlookWrite.Update update ? update.graphId()
                : ((OutlookWrite.Delete) write).graphId();
        return contacts(folderId).byContactId(graphId).toGetRequestInformation(rc -> {
            rc.queryParameters.select = ContactMapping.SELECTED;
            rc.queryParameters.expand = new String[]{ContactMapping.EXPAND_EXTENDED};
        });
    }

    /** The write's outcome when reading back shows it carried out. */
    private static Optional<WriteOutcome> foundDone(OutlookWrite write, Answer readBack) {
        if (write instanceof OutlookWrite.Create && readBack.status() == 200) {
            return Optional.ofNullable(readBack.body(ContactCollectionResponse::createFromDiscriminatorValue).getValue())
                    .flatMap(found -> found.stream().findFirst())
                    .map(contact -> new WriteOutcome.Created(write, contact.getId(), contact.getChangeKey(), true));
        }
        if (write instanceof OutlookWrite.Update update && readBack.status() == 200) {
            Contact contact = readBack.body(Contact::createFromDiscriminatorValue);
            OutlookContact now = ContactMapping.fromGraph(contact);
            boolean carriedOut = update.patch().fields().stream()
                    .allMatch(field -> field.same(update.patch().get(field), now.values().get(field)));
            return carriedOut ? Optional.of(new WriteOutcome.Updated(write, contact.getChangeKey(), true))
                    : Optional.empty();
        }
        if (write instanceof OutlookWrite.Delete && readBack.status() == 404) {
            return Optional.of(new WriteOutcome.Deleted(write));
        }
        return Optional.empty();
    }

    /** Whether reading back shows the write not carried out, and so safe to send again. */
    private static boolean foundNotDone(OutlookWrite write, Answer readBack) {
        if (readBack.status() != 200) {
            return false;
        }
        if (write instanceof OutlookWrite.Update update) {
            // Changed by someone else meanwhile: sending it again gets its 412 and the next run merges.
            return update.changeKey().isEmpty() || update.changeKey().get()
                    .equals(readBack.body(Contact::createFromDiscriminatorValue).getChangeKey());
        }
        return true;
    }

    private Map<OutlookWrite, ContactMapping.Collections> readCollections(String folderId, List<OutlookWrite> writes,
                                                                          Map<OutlookWrite, WriteOutcome> settled) {
        List<OutlookWrite.Update> updates = writes.stream()
                .filter(OutlookWrite.Update.class::isInstance).map(OutlookWrite.Update.class::cast)
                .filter(update -> ContactMapping.needsCurrent(update.patch()))
                .toList();
        List<Answer> answers = sendInBatches(updates.stream().map(update -> contacts(folderId)
                .byContactId(update.graphId()).toGetRequestInformation(rc ->
                        rc.queryParameters.select = ContactMapping.CURRENT_SELECTED))
                .toList());
        Map<OutlookWrite, ContactMapping.Collections> current = new IdentityHashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            Answer answer = answers.get(i);
            if (answer.status() == 200) {
                current.put(updates.get(i), ContactMapping.Collections.of(answer.body(Contact::createFromDiscriminatorValue)));
            } else {
                settled.put(updates.get(i), outcome(updates.get(i), answer));
            }
        }
        return current;
    }

    private RequestInformation request(String folderId, OutlookWrite write, ContactMapping.Collections current) {
        ContactsRequestBuilder contacts = contacts(folderId);
        RequestInformation request;
        if (write instanceof OutlookWrite.Create create) {
            request = contacts.toPostRequestInformation(ContactMapping.forCreate(create.contactNo(), create.values()));
        } else if (write instanceof OutlookWrite.Update update) {
            request = contacts.byContactId(update.graphId()).toPatchRequestInformation(
                    ContactMapping.forPatch(update.patch(), current),
                    rc -> update.changeKey().ifPresent(key -> rc.headers.add("If-Match", "W/\"" + key + "\"")));
        } else {
            request = contacts.byContactId(((OutlookWrite.Delete) write).graphId()).toDeleteRequestInformation();
        }
        return request;
    }

    private static WriteOutcome outcome(OutlookWrite write, Answer answer) {
        int status = answer.status();
        if (status == 201 && write instanceof OutlookWrite.Create) {
            Contact created = answer.body(Contact::createFromDiscriminatorValue);
            return new WriteOutcome.Created(write, created.getId(), created.getChangeKey());
        }
        if (status == 200 && write instanceof OutlookWrite.Update) {
            return new WriteOutcome.Updated(write, answer.body(Contact::createFromDiscriminatorValue).getChangeKey());
        }
        if (status == 204 && write instanceof OutlookWrite.Delete) {
            return new WriteOutcome.Deleted(write);
        }
        if (status == 404) {
            return write instanceof OutlookWrite.Delete ? new WriteOutcome.AlreadyGone(write)
                    : new WriteOutcome.NotFound(write);
        }
        if (status == 409 || status == 412) {
            return new WriteOutcome.Conflict(write, answer.errorCode());
        }
        if (answer.throttled() && !(write instanceof OutlookWrite.Create && (status == 503 || status == 504))) {
            return new WriteOutcome.Throttled(write, answer.retryAfter());
        }
        return new WriteOutcome.Failed(write, status, answer.errorCode(), answer.errorMessage());
    }

    // Batching -----------------------------------------------------------------------------------------------------

    /**
     * The answers to the requests, in their order. They go out in fully sequential {@code $batch} requests of up to
     * 20 (each item {@code dependsOn} the one before it), up to {@value #BATCHES_IN_FLIGHT} of them in flight at once:
     * Graph hands a sequential batch's items to Exchange one at a time, so each batch holds one of the four places
     * Exchange gives an app in a mailbox, however Graph dispatches parallel batches (docs/benchmarks.md, "Writing
     * within Graph's batch rules"). Items answered 429/503/504 are sent again in new batches after the longest
     * Retry-After while the budget allows, and with them the items that did not run because an item before them
     * failed (424), at once; neither ran, so nothing is carried out twice. The SDK retries whole batch requests itself
     * but not items. When a whole batch request fails, its items and those not yet sent get that failure (status 0,
     * or 429 when throttled).
     */
    private List<Answer> sendInBatches(List<RequestInformation> requests) {
        List<okhttp3.Request> items = requests.stream().map(this::asBatchItem).toList();
        Answer[] answers = new Answer[items.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            Round round = sendRound(items, pending, answers);
            if (round.failed() || round.again().isEmpty() || !session.counters().mayWait(round.waitSeconds())
                    || !pause(round.waitSeconds())) {
                break;
            }
            pending = round.again();
        }
        return java.util.Arrays.stream(answers).map(answer -> answer == null ? Answer.unanswered() : answer).toList();
    }

    /** One pass over the pending items: which to send again, after how long, and whether a batch request failed. */
    private record Round(List<Integer> again, double waitSeconds, boolean failed) {
    }

    private Round sendRound(List<okhttp3.Request> items, List<Integer> pending, Answer[] answers) {
        BatchRequestContentCollection collection = new BatchRequestContentCollection(graph);
        Map<String, Integer> indexByStep = new HashMap<>();
        for (int index : pending) {
            indexByStep.put(collection.addBatchRequestStep(items.get(index)), index);
        }
        List<BatchRequestContent> batches = collection.getBatchRequestsForExecution();
        batches.forEach(OutlookMailbox::inSequence);
        List<Sent> sent = sendAtOnce(batches);
        List<Integer> again = new ArrayList<>();
        double wait = 0;
        Optional<GraphCallException> failure = Optional.empty();
        for (int b = 0; b < batches.size(); b++) {
            Set<String> steps = batches.get(b).getBatchRequestSteps().keySet();
            Sent outcome = sent.get(b);
            if (outcome.response().isEmpty()) {
                failure = failure.or(outcome::failure);
                continue;
            }
            BatchResponseContent response = outcome.response().get();
            Map<String, Integer> statuses = response.getResponsesStatusCode();
            for (String step : steps) {
                int index = indexByStep.get(step);
                Answer answer = Answer.of(statuses.getOrDefault(step, 0), response, step);
                answers[index] = answer;
                if (answer.status() == 429) {
                    session.counters().countThrottled();
                }
                if (RETRYABLE.contains(answer.status()) && !mayHaveBeenCarriedOut(items.get(index), answer)) {
                    again.add(index);
                    wait = Math.max(wait, answer.retryAfter().toMillis() / 1000.0);
                } else if (answer.status() == FAILED_DEPENDENCY) {
                    again.add(index);
                }
            }
        }
        if (failure.isPresent()) {
            for (int index : pending) {
                if (answers[index] == null) {
                    answers[index] = Answer.notSent(failure.get());
                }
            }
        }
        again.sort(null);
        return new Round(again, wait, failure.isPresent());
    }

    /**
     * A create answered 503 or 504 may have been carried out before the answer was lost (alcionai/corso#3278), so it
     * is not sent again blindly: {@link #settleLostAnswers} reads it back by its stamp. 429 means not carried out;
     * an update or delete sent twice ends the same.
     */
    private static boolean mayHaveBeenCarriedOut(okhttp3.Request item, Answer answer) {
        return answer.status() != 429 && item.method().equals("POST");
    }

    /** A batch request's response, or why there is none. */
    private record Sent(Optional<BatchResponseContent> response, Optional<GraphCallException> failure) {
    }

    /**
     * Posts the batches, {@value #BATCHES_IN_FLIGHT} at a time on the session's threads; the answers in the order of
     * the batches. Once a batch request fails, the batches not yet sent are not sent and get that failure.
     */
    private List<Sent> sendAtOnce(List<BatchRequestContent> batches) {
        Sent[] sent = new Sent[batches.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<GraphCallException> stopped = new AtomicReference<>();
        CompletableFuture<?>[] senders = new CompletableFuture<?>[Math.min(BATCHES_IN_FLIGHT, batches.size())];
        for (int s = 0; s < senders.length; s++) {
            senders[s] = CompletableFuture.runAsync(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    GraphCallException failure = stopped.get();
                    sent[b] = failure != null ? new Sent(Optional.empty(), Optional.of(failure)) : post(batches.get(b));
                    sent[b].failure().ifPresent(f -> stopped.compareAndSet(null, f));
                }
            }, session.batchThreads());
        }
        CompletableFuture.allOf(senders).join();
        return List.of(sent);
    }

    /**
     * Posts one batch. The SDK's {@code BatchRequestBuilder.post} hands back whatever the batch request itself was
     * answered, without its status, so it is sent here with the same native handler and the status is read: a 429
     * the RetryHandler gave up on (its Retry-After was past the budget) means Graph ran none of the items and the
     * mailbox wants to be left alone, so the items are throttled and the run is postponed. Any other answer is read
     * item by item (a 5xx without item answers leaves them lost, to be read back).
     */
    private Sent post(BatchRequestContent batch) {
        try {
            RequestInformation request = graph.getBatchRequestBuilder().toPostRequestInformation(batch);
            NativeResponseHandler handler = new NativeResponseHandler();
            request.setResponseHandler(handler);
            graph.getRequestAdapter().sendPrimitive(request, null, InputStream.class);
            okhttp3.Response response = (okhttp3.Response) handler.getValue();
            if (response.code() == 429) {
                response.close();
                return new Sent(Optional.empty(), Optional.of(new MailboxThrottledException(mailbox, null)));
            }
            BatchResponseContent content = new BatchResponseContent(response);
            // Read now (the content keeps what it parsed): an unread answer holds its connection, so the sender's next
            // batch would need a new one, a TLS handshake each.
            content.getResponsesStatusCode();
            return new Sent(Optional.of(content), Optional.empty());
        } catch (RuntimeException | IOException e) {
            return new Sent(Optional.empty(), Optional.of(GraphFailures.asException(e, session)));
        }
    }

    /**
     * Chains the batch's items in the order they were added, each depending on the one before it: a fully sequential
     * batch, one of the two shapes Graph accepts ("Batch should be either fully sequential or fully parallel").
     */
    private static void inSequence(BatchRequestContent batch) {
        List<BatchRequestStep> steps = List.copyOf(batch.getBatchRequestSteps().values());
        for (int i = 1; i < steps.size(); i++) {
            steps.get(i).addDependsOnId(steps.get(i - 1).getRequestId());
        }
    }

    /**
     * The request as a batch item, asking for immutable ids. The SDK's batch content writes an item's URL as its path
     * without the first five characters ({@code /v1.0} or {@code /beta}: BatchRequestContent.getRelativeUrl in
     * msgraph-sdk-java-core), which is Graph's relative URL only when the endpoint's path is exactly the version. Behind
     * an endpoint with a longer path (a gateway, or the sandbox's {@code /sandbox/graph/v1.0}) the item is given the
     * path after the endpoint's, behind {@code /v1.0}, so that what the SDK writes is relative to the version root.
     */
    private okhttp3.Request asBatchItem(RequestInformation request) {
        request.headers.add("Prefer", GraphClients.PREFER_IMMUTABLE_IDS);
        okhttp3.Request item = graph.getRequestAdapter().convertToNativeRequest(request);
        String endpointPath = Objects.requireNonNull(okhttp3.HttpUrl.parse(graph.getRequestAdapter().getBaseUrl()),
                "The Graph endpoint is not a URL").encodedPath().replaceAll("/+$", "");
        String path = item.url().encodedPath();
        if (!path.startsWith(endpointPath + "/")) {
            throw new IllegalStateException("A batch item outside the Graph endpoint: " + item.url());
        }
        return item.newBuilder()
                .url(item.url().newBuilder().encodedPath(VERSION_SEGMENT + path.substring(endpointPath.length())).build())
                .build();
    }

    private static boolean pause(double seconds) {
        try {
            Thread.sleep((long) Math.ceil(seconds * 1000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One batch item's answer, or why it was not sent.
     *
     * @param status   the item's HTTP status; 0 when the batch request itself failed (429 when it was throttled)
     * @param response the batch response holding the item's body
     * @param stepId   the item's id in that response
     * @param failure  when the batch failed, the reason
     */
    private record Answer(int status, Optional<BatchResponseContent> response, String stepId,
                          Optional<GraphCallException> failure) {

        static Answer of(int status, BatchResponseContent response, String stepId) {
            return new Answer(status, Optional.of(response), stepId, Optional.empty());
        }

        /** An item the batch's answer did not hold: the SDK returns a 5xx batch answer without its responses. */
        static Answer unanswered() {
            return notSent(new GraphCallException(0, "", "The $batch answer held no response for this request",
                    ConnectionCheckOutcome.UNEXPECTED, null));
        }

        static Answer notSent(GraphCallException failure) {
            return new Answer(failure instanceof MailboxThrottledException ? 429 : 0, Optional.empty(), "",
                    Optional.of(failure));
        }

        /** Throttled, or (when the budget ran out before it could be sent again) behind an item that was. */
        boolean throttled() {
            return RETRYABLE.contains(status) || status == FAILED_DEPENDENCY
                    || failure.filter(MailboxThrottledException.class::isInstance).isPresent();
        }

        <T extends com.microsoft.kiota.serialization.Parsable> T body(
                com.microsoft.kiota.serialization.ParsableFactory<T> factory) {
            return response.orElseThrow().getResponseById(stepId, factory);
        }

        /** The item's usable Retry-After, else a first back-off with jitter ({@link RetryAfter}). */
        Duration retryAfter() {
            return response.map(r -> {
                try (okhttp3.Response item = r.getResponseById(stepId)) {
                    return RetryAfter.forItem(item.header(RetryAfter.HEADER), 1);
                }
            }).orElseGet(() -> RetryAfter.backOff(1));
        }

        private JsonObject error() {
            if (response.isEmpty()) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
            try (okhttp3.Response item = response.get().getResponseById(stepId);
                 JsonReader reader = JSON.createReader(new StringReader(item.body() == null ? "{}" : item.body().string()))) {
                var json = reader.readObject();
                return json.get("error") instanceof JsonObject error ? error : JsonObject.EMPTY_JSON_OBJECT;
            } catch (IOException | RuntimeException e) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
        }

        String errorCode() {
            return failure.map(GraphCallException::code).orElseGet(() -> error().getString("code", ""));
        }

        String errorMessage() {
            return failure.map(GraphCallException::getMessage).orElseGet(() -> error().getString("message", ""));
        }

        GraphCallException asException(GraphSession session) {
            if (failure.isPresent()) {
                return failure.get();
            }
            if (throttled()) {
                return new MailboxThrottledException(session.mailbox(), null);
            }
            return new GraphCallException(status, errorCode(), "HTTP " + status + " " + errorCode() + ": "
                    + errorMessage(), ConnectionCheckOutcome.UNEXPECTED, null);
        }
    }

    // Plumbing -----------------------------------------------------------------------------------------------------

    private ContactsRequestBuilder contacts(String folderId) {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts();
    }

    private <T> T call(Supplier<T> graphCall) {
        try {
            return graphCall.get();
        } catch (RuntimeException e) {
            throw GraphFailures.asException(e, session);
        }
    }

    private static <E extends com.microsoft.kiota.serialization.Parsable,
            P extends com.microsoft.kiota.serialization.Parsable & com.microsoft.kiota.serialization.AdditionalDataHolder>
    PageIterator<E, P> iterate(PageIterator.Builder<E, P> builder) {
        try {
            PageIterator<E, P> iterator = builder.build();
            iterator.iterate();
            return iterator;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The SDK's page iterator cannot read this collection", e);
        }
    }
}
