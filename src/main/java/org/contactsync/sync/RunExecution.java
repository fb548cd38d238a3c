package org.contactsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.graph.DeltaRound;
import org.contactsync.graph.GraphCallException;
import org.contactsync.graph.GraphConnectionSettings;
import org.contactsync.graph.MailboxThrottledException;
import org.contactsync.graph.OutlookContactsGateway;
import org.contactsync.graph.OutlookMailbox;
import org.contactsync.graph.OutlookWrite;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.graph.WriteReport;
import org.contactsync.sync.SyncStore.Executed;
import org.contactsync.sync.plan.MassDeleteGuard;
import org.contactsync.sync.plan.OutlookContact;
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
 * then it expires.
 */
final class RunExecution implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    private final SyncStore store;
    private final OutlookContactsGateway gateway;
    private final long runId;
    private final SyncRequest request;
    private final GraphConnectionSettings settings;
    private final String mailboxAddress;
    private final LeaseKeeper lease;
    private OutlookMailbox mailbox;

    RunExecution(SyncStore store, OutlookContactsGateway gateway, long runId, SyncRequest request,
            GraphConnectionSettings settings, String mailboxAddress, LeaseKeeper lease) {
        this.store = store;
        this.lease = lease;
        this.gateway = gateway;
        this.runId = runId;
        this.request = request;
        this.settings = settings;
        this.mailboxAddress = mailboxAddress;
    }

    long runId() {
        return runId;
    }

    @Override
    public void run() {
        try {
            mailbox = gateway.open(settings, mailboxAddress, lease);
            execute();
        } catch (MailboxThrottledException e) {
            end(SyncRunStatus.POSTPONED, "Postponed: " + e.getMessage(), Optional.empty());
        } catch (GraphCallException e) {
            end(SyncRunStatus.FAILED, "Microsoft Graph: " + e.status() + " " + e.code() + " " + e.getMessage(),
                    Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sync run " + runId + " for " + request.userName() + " failed", e);
            end(SyncRunStatus.FAILED, "Failed: " + e, Optional.empty());
        }
    }

    private void execute() {
        ExchangeSync setup = store.setup(request.userName());
        List<SyncLink> links = store.links(request.userName());
        OutlookRead outlook = readOutlook(folder(setup), setup, links);
        String folderId = outlook.folderId();
        SyncSnapshot snapshot = new SyncSnapshot(request.mode(), policy(setup),
                store.businessCentralSide(request.userName(), links, outlook.side()), outlook.side(), links);
        Plan plan = Planner.plan(snapshot);
        store.planned(runId, plan);
        String summary = plan.summary().describe();
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
                    Optional.empty());
        }
    }

    private SyncPolicy policy(ExchangeSync setup) {
        return new SyncPolicy(setup.isKeepInOutlook(), MassDeleteGuard.DEFAULT, request.massDeleteConfirmed());
    }

    /** The sync folder's id: found or created on the first run, renamed when the setup says so. */
    private String folder(ExchangeSync setup) {
        if (setup.folderId().isEmpty()) {
            String id = mailbox.ensureFolder(setup.getFolderName());
            store.recordFolder(request.userName(), id);
            return id;
        }
        if (setup.isFolderRenamePending() && !request.preview()) {
            mailbox.renameFolder(setup.folderId().get(), setup.getFolderName());
            store.folderRenamed(request.userName());
        }
        return setup.folderId().get();
    }

    /**
     * The Outlook side. Incremental with a deltaLink: the delta's changes, without the contacts that come back as
     * the sync wrote them (same change key as the link), the rest completed with stamp and Fax No. Otherwise (first
     * run, full sync, deltaLink expired, folder deleted in Outlook and made again): the whole folder listed; a delta
     * round first gives the next deltaLink, so a change made while listing shows up again in the next round rather
     * than never.
     */
    private OutlookRead readOutlook(String folderId, ExchangeSync setup, List<SyncLink> links) {
        boolean complete = request.mode() == SyncMode.FULL || setup.deltaLink().isEmpty();
        DeltaRound round;
        try {
            round = mailbox.delta(folderId, setup.deltaLink());
        } catch (GraphCallException e) {
            if (e.status() != 404) {
                throw e;
            }
            // The employee deleted the sync folder: make it again; the linked contacts are recreated in it.
            folderId = mailbox.ensureFolder(setup.getFolderName());
            store.recordFolder(request.userName(), folderId);
            round = new DeltaRound.Expired("The sync folder was deleted in Outlook");
        }
        if (round instanceof DeltaRound.Expired) {
            complete = true;
            round = mailbox.delta(folderId, Optional.empty());
        }
        if (!(round instanceof DeltaRound.Changes changes)) {
            throw new IllegalStateException("Graph refused a new delta round: " + round);
        }
        if (complete || changes.fromScratch()) {
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
        if (lease.lost()) {
            LOG.warning(() -> "Sync run " + runId + " for " + request.userName() + " stopped: it lost its lease to "
                    + "another server, which ended it (" + message + ")");
            return;
        }
        int requests = mailbox == null ? 0 : mailbox.requestCount();
        try {
            store.finish(runId, status, Optional.of(message), requests, nextDeltaLink);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sync run " + runId + " could not be ended; its lease expires", e);
        }
    }

    /** The sync folder, what the run read from it, and where the next delta round starts. */
    private record OutlookRead(String folderId, OutlookSide side, String nextDeltaLink) {
    }

}
