package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.contactsync.employee.Caller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/**
 * Runs and their log as people may see them: employees their own, admins everyone's. Another employee's run is
 * answered as not found, so ids reveal nothing.
 */
@ApplicationScoped
@Transactional
public class SyncRunService {

    /** The most runs a list shows. */
    public static final int MAX_RUNS = 500;

    @Inject
    SyncRepository repository;

    public SyncRun run(Caller caller, long id) {
        return repository.run(id).filter(run -> caller.isAdmin() || caller.is(run.getUserName()))
                .orElseThrow(() -> new ApplicationException(Kind.NOT_FOUND,
                        SyncMessages.of("sync.run.notFound", id)));
    }

    public List<SyncLogEntry> log(Caller caller, long id) {
        return repository.log(run(caller, id).getId());
    }

    /** The newest runs: the caller's own, or for an admin everyone's (or one employee's). */
    public List<SyncRun> runs(Caller caller, Optional<String> userName) {
        if (!caller.isAdmin()) {
            return repository.runs(Optional.of(caller.userName()), MAX_RUNS);
        }
        return repository.runs(userName.filter(name -> !name.isBlank()).map(String::strip)
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)), MAX_RUNS);
    }
}
