package org.contactsync.employee;

import java.util.Optional;

/**
 * A user's Microsoft 365 e-mail (the mailbox their contacts sync with) changed. Fired synchronously inside the
 * transaction that changes it, with the user's row locked, so that an observer can refuse the change (by throwing,
 * which rolls it back) or reset what belonged to the old mailbox in the same transaction.
 */
public record AuthenticationEmailChanged(String userName, Optional<String> before, Optional<String> after,
                                         String changedBy) {
}
