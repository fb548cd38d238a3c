package org.contactsync.graph;

import java.util.List;

/**
 * The outcomes of {@link OutlookMailbox#apply}, one per write in the order given.
 *
 * @param outcomes         per write
 * @param mailboxThrottled the mailbox kept throttling past the budget: the {@link WriteOutcome.Throttled} writes were
 *                         not done and the engine should postpone this employee's run
 */
public record WriteReport(List<WriteOutcome> outcomes, boolean mailboxThrottled) {

    public WriteReport {
        outcomes = List.copyOf(outcomes);
    }
}
