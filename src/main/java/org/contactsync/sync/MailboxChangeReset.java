package org.contactsync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.contactsync.employee.AuthenticationEmailChanged;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;

/**
 * When a user's Microsoft 365 e-mail changes, their sync state belongs to the old mailbox: the links (Graph ids of
 * contacts in that mailbox), the setup's folder id and deltaLink. They are dropped in the transaction that changes
 * the e-mail, so the next run starts afresh in the new mailbox. The contacts in the old mailbox stay there.
 *
 * <p>A run that holds the employee's lease still works on the old mailbox, so the change is refused while one
 * runs (a lease whose server died is given up first, as a new run would). The user's row is locked by then
 * ({@link org.contactsync.employee.UserService#update}), and a run claims its lease under that same lock, so no run
 * can start in between.
 */
@ApplicationScoped
public class MailboxChangeReset {

    @Inject
    SyncRepository repository;

    @Inject
    ExchangeSyncService setups;

    @Inject
    Clock clock;

    protected MailboxChangeReset() {
        // for CDI
    }

    /** For tests outside the container, which manage the transaction themselves. */
    public MailboxChangeReset(SyncRepository repository, ExchangeSyncService setups, Clock clock) {
        this.repository = repository;
        this.setups = setups;
        this.clock = clock;
    }

    /** Runs inside the e-mail change's transaction; throwing refuses (and rolls back) the change. */
    public void reset(@Observes AuthenticationEmailChanged change) {
        var now = clock.instant();
        repository.endLapsedRuns(Optional.of(change.userName()), now);
        var running = repository.leaseHolder(change.userName());
        if (running.isPresent()) {
            throw new ApplicationException(Kind.CONFLICT, SyncMessages.of("sync.refused.mailboxChangeWhileRunning",
                    change.userName(), running.get().getId()));
        }
        repository.removeLinks(change.userName());
        setups.find(change.userName()).ifPresent(setup -> setup.mailboxChanged(now, change.changedBy()));
    }
}
