package org.contactsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.exchange.ContactSyncSettings;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.sync.plan.Plan;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;

/**
 * The sync's own records for one employee, in memory, behind {@link RunRecords}: the setup (folder, delta link,
 * rename pending), the link rows as the test sets them, and what the run recorded (its plan, its chunks with their
 * outcomes, how it ended). A chunk's Business Central writes go to the {@link InMemoryBusinessCentral} as
 * {@link ActionRecorder} sends them; link bookkeeping is {@link ActionRecorder}'s, tested on a database.
 */
final class InMemoryRunRecords implements RunRecords {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ExchangeSync setup = new ExchangeSync("alice", NOW, "alice");
    private final InMemoryBusinessCentral businessCentral;
    private final List<SyncLink> links = new ArrayList<>();
    private final List<List<Executed>> chunks = new ArrayList<>();
    private Optional<SyncRun> inStep = Optional.empty();
    private Optional<Plan> plan = Optional.empty();
    private boolean planOnly;
    private int linkReads;
    private Optional<Ended> ended = Optional.empty();

    /** How the run ended, as {@link RunRecords#finish} was told. */
    record Ended(SyncRunStatus status, String message, int graphRequests, Optional<String> nextDeltaLink) {
    }

    InMemoryRunRecords(InMemoryBusinessCentral businessCentral) {
        this.businessCentral = businessCentral;
    }

    // --- what the test arranges

    ExchangeSync setup() {
        return setup;
    }

    /** The setup after earlier runs: its folder and the delta link the last one stored. */
    void syncedBefore(String folderId, String deltaLink) {
        setup.recordFolder(folderId);
        setup.recordSync(NOW, "", Optional.of(deltaLink));
    }

    void renameFolderTo(String name) {
        setup.change(new ContactSyncSettings(name, setup.filter(), false, false), NOW, "alice");
    }

    void link(SyncLink link) {
        links.add(link);
    }

    /** The last run found the sides in step and nothing changed since. */
    void lastRunInStep() {
        inStep = Optional.of(new SyncRun(new SyncRequest("alice", SyncMode.INCREMENTAL, SyncTrigger.PAGE,
                "alice", false, false), "server", NOW, Duration.ofMinutes(5)));
    }

    // --- what the test checks

    Ended ended() {
        return ended.orElseThrow(() -> new AssertionError("the run was not ended"));
    }

    boolean wasEnded() {
        return ended.isPresent();
    }

    Optional<Plan> plan() {
        return plan;
    }

    boolean planOnly() {
        return planOnly;
    }

    List<List<Executed>> chunks() {
        return List.copyOf(chunks);
    }

    int linkReads() {
        return linkReads;
    }

    // --- the port

    @Override
    public ExchangeSync setup(String userName) {
        return setup;
    }

    @Override
    public void recordFolder(String userName, String folderId) {
        setup.recordFolder(folderId);
    }

    @Override
    public void folderRenamed(String userName) {
        setup.folderRenamed();
    }

    @Override
    public void forgetDeltaLink(String userName) {
        setup.forgetDeltaLink();
    }

    @Override
    public List<SyncLink> links(String userName) {
        linkReads++;
        return List.copyOf(links);
    }

    @Override
    public Optional<SyncRun> inStepSince(long runId, String userName) {
        return inStep;
    }

    @Override
    public void planned(long runId, Plan plan) {
        this.plan = Optional.of(plan);
    }

    @Override
    public void logPlanOnly(long runId, Plan plan) {
        planOnly = true;
    }

    @Override
    public void recordChunk(long runId, List<Executed> chunk, int graphRequests) {
        chunks.add(chunk);
        for (Executed executed : chunk) {
            SyncAction action = executed.action();
            if (action instanceof SyncAction.CreateInBc create) {
                businessCentral.createFromSync(create.values(), create.companyName());
            } else if (action instanceof SyncAction.UpdateInBc update) {
                businessCentral.applyFromSync(update.contactNo(), update.changes());
            }
        }
    }

    @Override
    public void finish(long runId, SyncRunStatus status, Optional<String> message,
            Optional<org.contactsync.graph.ConnectionCheckOutcome> graphFailure, int graphRequests,
            Optional<String> nextDeltaLink) {
        ended = Optional.of(new Ended(status, message.orElse(""), graphRequests, nextDeltaLink));
    }
}
