package org.contactsync.exchange;

/**
 * When an employee's failing sync becomes an alert and when it pauses background synchronization, as Dynamics 365's
 * server-side sync raises a mailbox alert and, when the failures go on, disables the mailbox until someone fixes it
 * and enables it again. Counted over syncs in a row that failed; a success starts the count over.
 *
 * @param alertAfter failures in a row from which the employee is shown on Mailbox Alerts and their own setup
 *                   ({@code contactsync.sync.alerts.alert-after})
 * @param pauseAfter failures in a row from which background synchronization is switched off
 *                   ({@code contactsync.sync.alerts.pause-after}); never before the alert
 */
public record MailboxAlertRule(int alertAfter, int pauseAfter) {

    public MailboxAlertRule {
        if (alertAfter < 1 || pauseAfter < alertAfter) {
            throw new IllegalArgumentException("Mailbox alerts need 1 <= alert-after <= pause-after, not "
                    + alertAfter + " and " + pauseAfter);
        }
    }

    /** Whether this many failures in a row are shown as an alert. */
    public boolean alerts(int failuresInARow) {
        return failuresInARow >= alertAfter;
    }

    /** Whether this failure switches background synchronization off: only while it is on, and only at the limit. */
    public boolean pauses(int failuresInARow, boolean backgroundSyncEnabled) {
        return backgroundSyncEnabled && failuresInARow >= pauseAfter;
    }
}
