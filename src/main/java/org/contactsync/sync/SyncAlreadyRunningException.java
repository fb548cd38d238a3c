package org.contactsync.sync;

import java.util.List;
import org.contactsync.platform.ApplicationException;

/** A start refused because another run holds the employee's lease; {@link #runningRunId()} names that run. */
public class SyncAlreadyRunningException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    private final long runningRunId;

    public SyncAlreadyRunningException(String userName, long runningRunId) {
        super(Kind.CONFLICT, SyncMessages.of("sync.refused.alreadyRunning", userName, runningRunId), List.of());
        this.runningRunId = runningRunId;
    }

    public long runningRunId() {
        return runningRunId;
    }
}
