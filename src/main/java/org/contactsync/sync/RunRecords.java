package org.contactsync.sync;

import java.util.List;
import java.util.Optional;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.WriteOutcome;
import org.contactsync.sync.plan.Plan;
import org.contactsync.sync.plan.SyncAction;
import org.contactsync.sync.plan.SyncLink;

/**
 * What a run reads and writes of the sync's own records (the employee's setup, the link rows, the run row and its
 * log), each call its own transaction: {@link SyncStore} in the application, an in-memory book in tests of
 * {@link RunExecution}.
 */
public interface RunRecords {

    ExchangeSync setup(String userName);

    void recordFolder(String userName, String folderId);

    void folderRenamed(String userName);

    void forgetDeltaLink(String userName);

    List<SyncLink> links(String userName);

    /** The last run, when it found the sides in step and nothing changed since: see {@link SyncStore#inStepSince}. */
    Optional<SyncRun> inStepSince(long runId, String userName);

    void planned(long runId, Plan plan);

    /** A preview or a blocked plan: every action logged as planned, nothing written. */
    void logPlanOnly(long runId, Plan plan);

    /** One chunk's database side, after its Outlook writes. */
    void recordChunk(long runId, List<Executed> chunk, int graphRequests);

    /**
     * Ends the run; see {@link SyncStore#finish}.
     *
     * @param graphFailure for a run that failed on Microsoft Graph, what kind of failure it was
     */
    void finish(long runId, SyncRunStatus status, Optional<String> message,
            Optional<ConnectionCheckOutcome> graphFailure, int graphRequests, Optional<String> nextDeltaLink);

    /** An action of a chunk with its Outlook write's outcome, when it has one. */
    record Executed(SyncAction action, Optional<WriteOutcome> outcome) {
    }
}
