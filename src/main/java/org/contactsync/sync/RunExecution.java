package org.contactsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.GraphCallException;
import org.contactsync.graph.MailboxThrottledException;
import org.contactsync.graph.OutlookContact;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.graph.WriteReport;
import org.contactsync.sync.RunRecords.Executed;
import org.contactsync.sync.plan.MassDeleteGuard;
import org.contactsync.sync.plan.OutlookSide;
import org.contactsync.sync.plan.Plan;
import org.contactsync.sync.plan.Planner;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncLink;
import org.contactsync.sync.plan.SyncMode;
import org.contactsync.sync.plan.SyncPolicy;
import org.contactsync.sync.plan.SyncSnapshot;

/**
 * One run, on a managed executor thread: folder, snapshot, plan, guard, chunks, end. Every way out ends the run row
 * (SUCCEEDED, FAILED, POSTPONED or BLOCKED_BY_GUARD), so the lease is always given back unless the server dies, and
 * then it expires. It reaches the outside only through the sync's ports ({@link OutlookMailboxPort},
 * {@link BusinessCentralContactsPort}, {@link RunRecords}), so that every branch is tested on in-memory fakes.
 */
final class RunExecution implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    private final RunRecords store;
    private final BusinessCentralContactsPort businessCentral;
    private final Supplier<OutlookMailboxPort> mailboxes;
    private final long runId;
    private final SyncRequest request;
    private final LeaseKeeper lease;
    private OutlookMailboxPort mailbox;
    /**
     * The new deltaLink once the run's delta round brought no Outlook change to act on: then even a run that does
     * not finish may store it, so that postponed runs do not wear out the stored one (Exchange keeps only the newest
     * few sync states of a folder and every delta page makes one).
     */
    private Optional<String> deltaLinkSafeToKeep = Optional.empty();
    /** What the run says about the sync folder, before its summary (empty when there is nothing to say). */
    private String folderNote = "";

    /**
     * @param mailboxes opens the employee's mailbox when the run starts (a failure to open ends the run like any
     *                  other Graph failure); its requests must ask {@code lease} first
     */
    RunExecution(RunRecords store, BusinessCentralContactsPort businessCentral, Supplier<OutlookMailboxPort> mailboxes,
            long runId, SyncRequest request, LeaseKeeper lease) {
        this.store = store;
        this.businessCentral = businessCentral;
        this.mailboxes = mailboxes;
        this.runId = runId;
        this.request = request;
        this.lease = lease;
    }

    long runId() {
        return runId;
    }

    @Override
    public void run() {
        try {
            mailbox = mailboxes.get();
            execute();
        } catch (MailboxThrottledException e) {
            end(SyncRunStatus.POSTPONED, "Postponed: " + e.getMessage(), deltaLinkSafeToKeep);
        } catch (GraphCallException e) {
            end(SyncRunStatus.FAILED, "Microsoft Graph: " + e.status() + " " + e.code() + " " + e.getMessage(),
                    Optional.of(e.outcome()), deltaLinkSafeToKeep);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sync run " + runId + " for " + request.userName() + " failed", e);
            end(SyncRunStatus.FAILED, "Failed: " + e, deltaLinkSafeToKeep);
        }
    }

    private void execute() {
        ExchangeSync setup = store.setup(request.userName());
        SyncFolder folder = folder(setup);
        OutlookDelta delta = deltaRound(folder, setup);
        if (delta.bringsNothing() && !request.preview()) {
            Optional<SyncRun> inStep = store.inStepSince(runId, request.userName());
            if (inStep.isPresent()) {
                endInStep(inStep.get(), delta.changes().deltaLink());
                return;
            }
        }
        List<SyncLink> links = store.links(request.userName());
        OutlookRead outlook = readOutlook(delta, links);
        String folderId = outlook.folderId();
        if (!request.preview() && outlook.side().contacts().isEmpty() && outlook.side().removedIds().isEmpty()
                && !outlook.side().completeListing()) {
            deltaLinkSafeToKeep = Optional.of(outlook.nextDeltaLink());
        }
        SyncSnapshot snapshot = new SyncSnapshot(request.mode(), policy(setup),
                businessCentral.contactsForSync(setup.filter(), links, outlook.side()), outlook.side(), links);
        Plan plan = Planner.plan(snapshot);
        store.planned(runId, plan);
        String summary = folderNote + plan.summary().describe();
        if (request.preview()) {
            store.logPlanOnly(runId, plan);
            end(SyncRunStatus.SUCCEEDED, "Preview: " + summary, Optional.empty());
        } else if (plan.blocked()) {
            store.logPlanOnly(runId, plan);
            end(SyncRunStatus.BLOCKED_BY_GUARD, "Stopped by the mass-delete guard: " + summary, Optional.empty());
        } else if (carryOut(plan, folderId)) {
            end(SyncRunStatus.SUCCEEDED, summary, Optional.of(outlook.nextDeltaLink()));
        } else {
            end(SyncRunStatus.POSTPONED, "Postponed: the mailbox kept throttling; the next run continues",
                    deltaLinkSafeToKeep);
        }
    }

    private SyncPolicy policy(ExchangeSync setup) {
        return new SyncPolicy(setup.isKeepInOutlook(), MassDeleteGuard.DEFAULT, request.massDeleteConfirmed());
    }

    /**
     * The sync folder: found or created on the first run, renamed when the setup says so, and made afresh when it is
     * no longer among the mailbox's contact folders. An employee who deletes it in Outlook sends it to Deleted Items,
     * where Graph may still serve it by its id; writing on into the trash is not what anyone expects, so the linked
     * contacts go into a new folder of that name and the old one stays in Deleted Items as it is.
     */
    private SyncFolder folder(ExchangeSync setup) {
        if (setup.folderId().isEmpty()) {
            return foundOrMade(setup);
        }
        if (!request.preview() && !mailbox.isInContacts(setup.folderId().get())) {
            folderNote = "The Outlook folder \u201c" + setup.getFolderName() + "\u201d was no longer among your contact "
                    + "folders (deleted in Outlook: a deleted folder stays in Deleted Items, untouched); its contacts "
                    + "were put into a new folder \u201c" + setup.getFolderName() + "\u201d. ";
            return foundOrMade(setup);
        }
        if (setup.isFolderRenamePending() && !request.preview()) {
            mailbox.renameFolder(setup.folderId().get(), setup.getFolderName());
            store.folderRenamed(request.userName());
        }
        return new SyncFolder(setup.folderId().get(), false);
    }

    /** The contact folder of the setup's name among the mailbox's contact folders, created when missing. */
    private SyncFolder foundOrMade(ExchangeSync setup) {
        String id = mailbox.ensureFolder(setup.getFolderName());
        store.recordFolder(request.userName(), id);
        return new SyncFolder(id, true);
    }

    /**
     * Nothing changed on either side since the last run, which found them in step ({@link RunRecords#inStepSince}):
     * its plan would be empty again, so the run ends as such a run ends without reading the links and the contacts.
     */
    private void endInStep(SyncRun last, String nextDeltaLink) {
        Plan plan = new Plan(request.mode(), List.of(),
                MassDeleteGuard.DEFAULT.judge(0, last.getGuardFolderSize(), request.massDeleteConfirmed()));
        store.planned(runId, plan);
        end(SyncRunStatus.SUCCEEDED, plan.summary().describe(), Optional.of(nextDeltaLink));
    }

    /**
     * The delta round from the stored deltaLink; a complete round (from scratch, listed afterwards) on the first run,
     * in full mode, when Graph no longer knows the deltaLink, and when the employee deleted the sync folder (made
     * again here).
     */
    private OutlookDelta deltaRound(SyncFolder folder, ExchangeSync setup) {
        String folderId = folder.id();
        Optional<String> deltaLink = folder.fresh() ? Optional.empty() : setup.deltaLink();
        boolean complete = request.mode() == SyncMode.FULL || deltaLink.isEmpty();
        DeltaRound round;
        try {
            round = mailbox.delta(folderId, deltaLink);
        } catch (GraphCallException e) {
            if (e.status() != 404) {
                throw e;
            }
            // The employee deleted the sync folder: make it again; the linked contacts are recreated in it.
            folderId = mailbox.ensureFolder(setup.getFolderName());
            store.recordFolder(request.userName(), folderId);
            round = new DeltaRound.Expired("The sync folder was deleted in Outlook");
        }
        if (round instanceof DeltaRound.Expired && deltaLink.isPresent() && !request.preview()) {
            // Asking again with a link Graph no longer reads would cost every next run a request until one finishes.
            store.forgetDeltaLink(request.userName());
        }
        if (round instanceof DeltaRound.Expired) {
            complete = true;
            round = mailbox.delta(folderId, Optional.empty());
        }
        if (!(round instanceof DeltaRound.Changes changes)) {
            throw new IllegalStateException("Graph refused a new delta round: " + round);
        }
        return new OutlookDelta(folderId, changes, complete || changes.fromScratch());
    }

    /**
     * The Outlook side. Incremental with a deltaLink: the delta's changes, without the contacts that come back as
     * the sync wrote them (same change key as the link), the rest completed with stamp and Fax No. A complete round:
     * the whole folder listed; the delta round before it gave the next deltaLink, so a change made while listing
     * shows up again in the next round rather than never.
     */
    private OutlookRead readOutlook(OutlookDelta delta, List<SyncLink> links) {
        String folderId = delta.folderId();
        DeltaRound.Changes changes = delta.changes();
        if (delta.complete()) {
            return new OutlookRead(folderId, OutlookSide.completeListing(mailbox.listFolder(folderId)),
                    changes.deltaLink());
        }
        Map<String, String> linkedChangeKeys = links.stream()
                .collect(Collectors.toMap(SyncLink::graphId, SyncLink::changeKey));
        List<OutlookContact> unknown = changes.changed().stream()
                .filter(contact -> !contact.changeKey().equals(linkedChangeKeys.get(contact.graphId())))
                .toList();
        List<OutlookContact> completed = unknown.isEmpty() ? List.of()
                : mailbox.withExtendedProperties(folderId, unknown);
        return new OutlookRead(folderId, OutlookSide.delta(completed, changes.removedIds()), changes.deltaLink());
    }

    /** Runs the plan chunk by chunk; false when the mailbox kept throttling and the run stopped. */
    private boolean carryOut(Plan plan, String folderId) {
        for (List<SyncAction> chunk : PlanChunks.split(plan.actions())) {
            List<OutlookWrite> writes = new ArrayList<>();
            List<Optional<OutlookWrite>> writeOf = new ArrayList<>();
            for (SyncAction action : chunk) {
                Optional<OutlookWrite> write = PlanChunks.outlookWrite(action);
                write.ifPresent(writes::add);
                writeOf.add(write);
            }
            WriteReport report = writes.isEmpty() ? new WriteReport(List.of(), false)
                    : mailbox.apply(folderId, writes);
            List<Executed> executed = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < chunk.size(); i++) {
                Optional<WriteOutcome> outcome = writeOf.get(i).isPresent()
                        ? Optional.of(report.outcomes().get(next++)) : Optional.empty();
                executed.add(new Executed(chunk.get(i), outcome));
            }
            store.recordChunk(runId, executed, mailbox.requestCount());
            if (report.mailboxThrottled()) {
                return false;
            }
        }
        return true;
    }

    private void end(SyncRunStatus status, String message, Optional<String> nextDeltaLink) {
        end(status, message, Optional.empty(), nextDeltaLink);
    }

    private void end(SyncRunStatus status, String message, Optional<ConnectionCheckOutcome> graphFailure,
            Optional<String> nextDeltaLink) {
        if (lease.lost()) {
            LOG.warning(() -> "Sync run " + runId + " for " + request.userName() + " stopped: it lost its lease to "
                    + "another server, which ended it (" + message + ")");
            return;
        }
        int requests = mailbox == null ? 0 : mailbox.requestCount();
        try {
            store.finish(runId, status, Optional.of(message), graphFailure, requests, nextDeltaLink);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sync run " + runId + " could not be ended; its lease expires", e);
        }
    }

    /** The sync folder's id, and whether it was made or found in this run (so no delta link of it is stored yet). */
    private record SyncFolder(String id, boolean fresh) {
    }

    /** The sync folder, its delta round, and whether the folder must be listed completely. */
    private record OutlookDelta(String folderId, DeltaRound.Changes changes, boolean complete) {

        /** An incremental round that reports no change at all; never a full sync's, whose round is complete. */
        boolean bringsNothing() {
            return !complete && changes.changed().isEmpty() && changes.removedIds().isEmpty();
        }
    }

    /** The sync folder, what the run read from it, and where the next delta round starts. */
    private record OutlookRead(String folderId, OutlookSide side, String nextDeltaLink) {
    }

}
