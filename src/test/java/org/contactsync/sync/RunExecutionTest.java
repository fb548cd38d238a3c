package org.contactsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.GraphCallException;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.sync.InMemoryRunRecords.Ended;
import org.contactsync.sync.RunRecords.Executed;
import org.contactsync.sync.plan.ActionKind;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.junit.jupiter.api.Test;

/**
 * A run ({@link RunExecution}) branch by branch, on in-memory fakes of its ports (Outlook mailbox, Business Central
 * contacts, the sync's records), without a container: the sync folder found, made, renamed, made again when deleted
 * in Outlook or gone; the delta round, its 410 reset and the full listing; the in-step shortcut; chunking; the ways a
 * run ends (succeeded, preview, blocked by the guard, postponed, failed) and which delta link it may keep.
 */
class RunExecutionTest {

    private static final String FOLDER_NAME = "Business Central";

    private final InMemoryMailbox mailbox = new InMemoryMailbox();
    private final InMemoryBusinessCentral businessCentral = new InMemoryBusinessCentral();
    private final InMemoryRunRecords records = new InMemoryRunRecords(businessCentral);

    private static FieldValues person(String name, String email) {
        return FieldValues.of(Map.of(SyncedField.NAME, name, SyncedField.E_MAIL, email));
    }

    private Ended run(SyncMode mode) {
        return run(mode, false, false);
    }

    private Ended run(SyncMode mode, boolean preview, boolean massDeleteConfirmed) {
        runWithLease(mode, preview, massDeleteConfirmed, Duration.ofMinutes(5), () -> true);
        return records.ended();
    }

    private void runWithLease(SyncMode mode, boolean preview, boolean massDeleteConfirmed, Duration lease,
            BooleanSupplier renew) {
        LeaseKeeper keeper = new LeaseKeeper(Clock.fixed(InMemoryRunRecords.NOW, ZoneOffset.UTC), lease, renew);
        mailbox.heartbeat(keeper);
        new RunExecution(records, businessCentral, () -> mailbox, 1L, new SyncRequest("alice", mode,
                SyncTrigger.PAGE, "alice", preview, massDeleteConfirmed), keeper).run();
    }

    /**
     * alice synced before: her folder holds one stamped contact per Business Central person, each linked, and the
     * setup keeps the folder and the delta link of that moment. Returns the folder's id.
     */
    private String syncedBefore(int persons) {
        String folder = mailbox.addFolder(FOLDER_NAME);
        for (int i = 1; i <= persons; i++) {
            FieldValues values = person("Person " + i, "person" + i + "@example.com");
            String no = businessCentral.addPerson("Person " + i, "person" + i + "@example.com");
            OutlookContact contact = mailbox.addContact(folder, Optional.of(no), values);
            records.link(new SyncLink(no, contact.graphId(), contact.changeKey(), values, false));
        }
        records.syncedBefore(folder, mailbox.deltaLinkNow(folder));
        return folder;
    }

    private void addPersons(int count) {
        for (int i = 1; i <= count; i++) {
            businessCentral.addPerson("New " + i, "new" + i + "@example.com");
        }
    }

    private int planned(ActionKind kind) {
        return records.plan().orElseThrow().summary().count(kind);
    }

    @Test
    void theFirstRunMakesTheFolderListsItAndCreatesTheContactsInIt() {
        addPersons(2);

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        String folder = records.setup().folderId().orElseThrow();
        assertEquals(Map.of(folder, FOLDER_NAME), mailbox.folderNames());
        assertEquals(2, mailbox.contactsOf(folder).size());
        assertEquals(Optional.of("delta/" + folder + "/0"), ended.nextDeltaLink());
    }

    @Test
    void theFirstRunFindsAFolderOfTheSetupsNameInsteadOfMakingASecond() {
        String existing = mailbox.addFolder(FOLDER_NAME);

        run(SyncMode.INCREMENTAL);

        assertEquals(Optional.of(existing), records.setup().folderId());
        assertEquals(1, mailbox.folderNames().size());
    }

    @Test
    void aFolderDeletedInOutlookIsMadeAgainAndTheLinkedContactsAreRecreatedThere() {
        String old = syncedBefore(2);
        mailbox.deleteFolderIntoDeletedItems(old);

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        String made = records.setup().folderId().orElseThrow();
        assertNotEquals(old, made);
        assertEquals(2, mailbox.contactsOf(made).size());
        assertEquals(2, mailbox.contactsOf(old).size(), "the deleted folder stays as it was");
        assertEquals(2, planned(ActionKind.RECREATE_IN_OUTLOOK));
        assertTrue(ended.message().startsWith("The Outlook folder \u201cBusiness Central\u201d was no longer among "
                + "your contact folders"), ended.message());
    }

    @Test
    void aFolderGoneWhenItsDeltaIsAskedForIsMadeAgainAndListedCompletely() {
        String old = syncedBefore(2);
        mailbox.removeFolder(old);

        // A preview does not ask whether the folder is still among the contact folders: its delta round finds it gone.
        Ended ended = run(SyncMode.INCREMENTAL, true, false);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertNotEquals(Optional.of(old), records.setup().folderId());
        assertEquals(2, planned(ActionKind.RECREATE_IN_OUTLOOK));
    }

    @Test
    void aPendingRenameRenamesTheFolderOnceAndAPreviewLeavesItPending() {
        String folder = syncedBefore(1);
        records.renameFolderTo("Kontakter");

        run(SyncMode.INCREMENTAL, true, false);
        assertEquals(FOLDER_NAME, mailbox.folderNames().get(folder));
        assertTrue(records.setup().isFolderRenamePending());

        run(SyncMode.INCREMENTAL);
        assertEquals("Kontakter", mailbox.folderNames().get(folder));
        assertFalse(records.setup().isFolderRenamePending());
    }

    @Test
    void anExpiredDeltaLinkIsForgottenAndTheFolderListedCompletely() {
        String folder = syncedBefore(2);
        String deleted = mailbox.contactsOf(folder).get(0).graphId();
        mailbox.deleteContact(folder, deleted);
        // The stored link is past the delete, so only a complete listing shows the contact missing.
        records.syncedBefore(folder, mailbox.deltaLinkNow(folder));
        mailbox.expire(records.setup().deltaLink().orElseThrow());

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertEquals(Optional.empty(), records.setup().deltaLink(), "the expired link is not asked for again");
        assertEquals(1, planned(ActionKind.RECREATE_IN_OUTLOOK));
        assertEquals(2, mailbox.contactsOf(folder).size());
    }

    @Test
    void aRunWhoseFreshDeltaRoundIsRefusedTooFails() {
        syncedBefore(1);
        mailbox.refuseEveryDeltaRound();

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.FAILED, ended.status());
        assertTrue(ended.message().contains("Graph refused a new delta round"), ended.message());
    }

    @Test
    void aQuietRoundAfterARunInStepEndsWithoutReadingLinksOrContacts() {
        String folder = syncedBefore(2);
        String storedLink = records.setup().deltaLink().orElseThrow();
        records.lastRunInStep();

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertEquals(0, records.linkReads());
        assertEquals(0, businessCentral.reads());
        assertTrue(records.plan().orElseThrow().actions().isEmpty());
        assertEquals(Optional.of(storedLink), ended.nextDeltaLink());
        assertEquals(mailbox.deltaLinkNow(folder), storedLink);
    }

    @Test
    void theShortcutIsNotTakenWithoutARunInStepNorInFullModeNorWhenOutlookChanged() {
        String folder = syncedBefore(2);
        run(SyncMode.INCREMENTAL);
        assertEquals(1, records.linkReads(), "no run in step: links read");

        records.lastRunInStep();
        run(SyncMode.FULL);
        assertEquals(2, records.linkReads(), "a full run reads everything");

        mailbox.editContact(folder, mailbox.contactsOf(folder).get(0).graphId(),
                FieldValues.of(Map.of(SyncedField.JOB_TITLE, "Buyer")));
        run(SyncMode.INCREMENTAL);
        assertEquals(3, records.linkReads(), "Outlook changed: links read");
    }

    @Test
    void anIncrementalRoundDropsTheEnginesOwnWritesAndCompletesOnlyTheOthers() {
        String folder = mailbox.addFolder(FOLDER_NAME);
        String before = mailbox.deltaLinkNow(folder);
        List<OutlookContact> written = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            FieldValues values = person("Person " + i, "person" + i + "@example.com");
            String no = businessCentral.addPerson("Person " + i, "person" + i + "@example.com");
            OutlookContact contact = mailbox.addContact(folder, Optional.of(no), values);
            records.link(new SyncLink(no, contact.graphId(), contact.changeKey(), values, false));
            written.add(contact);
        }
        // The last run wrote both contacts after its delta round, so the next round reports them again.
        records.syncedBefore(folder, before);
        mailbox.editContact(folder, written.get(1).graphId(), FieldValues.of(Map.of(SyncedField.JOB_TITLE, "Buyer")));

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertEquals(List.of(written.get(1).graphId()), mailbox.completed());
    }

    @Test
    void moreWritesThanOneChunkTakesGoOutChunkByChunkEachOutcomeWithItsAction() {
        String folder = mailbox.addFolder(FOLDER_NAME);
        addPersons(PlanChunks.OUTLOOK_WRITES + 5);
        // An unstamped Outlook copy of a Business Central contact: linked by its e-mail, no write.
        mailbox.addContact(folder, Optional.empty(), person("New 1", "new1@example.com"));

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertEquals(List.of(PlanChunks.OUTLOOK_WRITES, 4), mailbox.applied());
        assertEquals(2, records.chunks().size());
        assertEquals(1, planned(ActionKind.LINK));
        for (Executed executed : records.chunks().stream().flatMap(List::stream).toList()) {
            Optional<WriteOutcome> outcome = executed.outcome();
            assertEquals(PlanChunks.outlookWrite(executed.action()), outcome.map(WriteOutcome::write),
                    executed.action().toString());
        }
        assertEquals(PlanChunks.OUTLOOK_WRITES + 5, mailbox.contactsOf(folder).size());
    }

    @Test
    void aMailboxThatKeepsThrottlingPostponesTheRunAfterTheChunkItThrottled() {
        addPersons(PlanChunks.OUTLOOK_WRITES + 5);
        mailbox.throttleAfterWrites(30);

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.POSTPONED, ended.status());
        assertEquals("Postponed: the mailbox kept throttling; the next run continues", ended.message());
        assertEquals(List.of(PlanChunks.OUTLOOK_WRITES), mailbox.applied(), "the next chunk is not sent");
        assertEquals(1, records.chunks().size(), "the throttled chunk's bookkeeping is kept");
        assertEquals(Optional.empty(), ended.nextDeltaLink(), "the listing is read again next time");
    }

    @Test
    void aPostponedRunKeepsTheNewDeltaLinkOnlyWhenItsRoundBroughtNoOutlookChange() {
        String folder = syncedBefore(2);
        addPersons(1);
        mailbox.throttleAfterWrites(0);

        Ended quiet = run(SyncMode.INCREMENTAL);
        assertEquals(SyncRunStatus.POSTPONED, quiet.status());
        assertEquals(Optional.of(mailbox.deltaLinkNow(folder)), quiet.nextDeltaLink());

        mailbox.editContact(folder, mailbox.contactsOf(folder).get(0).graphId(),
                FieldValues.of(Map.of(SyncedField.JOB_TITLE, "Buyer")));
        Ended changed = run(SyncMode.INCREMENTAL);
        assertEquals(SyncRunStatus.POSTPONED, changed.status());
        assertEquals(Optional.empty(), changed.nextDeltaLink());
    }

    @Test
    void aMailboxThrottlingItsReadsPostponesTheRun() {
        syncedBefore(1);
        mailbox.throttleReads();

        Ended ended = run(SyncMode.INCREMENTAL);

        assertEquals(SyncRunStatus.POSTPONED, ended.status());
        assertTrue(ended.message().startsWith("Postponed: The mailbox alice@contoso.example kept throttling"),
                ended.message());
    }

    @Test
    void aPreviewPlansAndLogsButWritesNothingAndKeepsNoDeltaLink() {
        addPersons(2);

        Ended ended = run(SyncMode.INCREMENTAL, true, false);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status());
        assertTrue(ended.message().startsWith("Preview: "), ended.message());
        assertTrue(records.planOnly());
        assertEquals(2, planned(ActionKind.CREATE_IN_OUTLOOK));
        assertEquals(List.of(), mailbox.applied());
        assertEquals(Optional.empty(), ended.nextDeltaLink());
    }

    @Test
    void theMassDeleteGuardStopsARunUntilItIsConfirmed() {
        String folder = syncedBefore(12);
        for (int i = 1; i <= 12; i++) {
            businessCentral.delete(String.format("CT%04d", i));
        }

        Ended blocked = run(SyncMode.INCREMENTAL);
        assertEquals(SyncRunStatus.BLOCKED_BY_GUARD, blocked.status());
        assertTrue(records.planOnly());
        assertEquals(List.of(), mailbox.applied());

        Ended confirmed = run(SyncMode.INCREMENTAL, false, true);
        assertEquals(SyncRunStatus.SUCCEEDED, confirmed.status(), confirmed.message());
        assertEquals(List.of(), mailbox.contactsOf(folder));
    }

    @Test
    void aFullSyncBringsAnOutlookOnlyContactToBusinessCentral() {
        String folder = syncedBefore(1);
        mailbox.addContact(folder, Optional.empty(), person("Outlook Only", "only@example.com"));

        Ended ended = run(SyncMode.FULL);

        assertEquals(SyncRunStatus.SUCCEEDED, ended.status(), ended.message());
        assertEquals(1, planned(ActionKind.CREATE_IN_BC));
        assertEquals("Outlook Only", businessCentral.find("CT0002").orElseThrow().name());
    }

    @Test
    void aGraphFailureFailsTheRunWithGraphsAnswer() {
        addPersons(1);
        GraphCallException refused = new GraphCallException(401, "InvalidAuthenticationToken", "Access token expired",
                ConnectionCheckOutcome.WRONG_SECRET, null);

        new RunExecution(records, businessCentral, () -> {
            throw refused;
        }, 1L, new SyncRequest("alice", SyncMode.INCREMENTAL, SyncTrigger.PAGE, "alice", false, false),
                new LeaseKeeper(Clock.systemUTC(), Duration.ofMinutes(5), () -> true)).run();

        assertEquals(new Ended(SyncRunStatus.FAILED,
                "Microsoft Graph: 401 InvalidAuthenticationToken Access token expired", 0, Optional.empty()),
                records.ended());
    }

    @Test
    void aRunThatLostItsLeaseLeavesTheEndToTheServerThatTookItOver() {
        syncedBefore(1);

        // Every request renews a zero-length lease, and the renewal finds it taken over.
        runWithLease(SyncMode.INCREMENTAL, false, false, Duration.ZERO, () -> false);

        assertFalse(records.wasEnded());
        assertEquals(List.of(), mailbox.applied());
    }
}
