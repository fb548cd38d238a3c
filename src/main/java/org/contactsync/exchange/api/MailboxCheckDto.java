package org.contactsync.exchange.api;

import org.contactsync.graph.ConnectionCheckOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What Validate Exchange Connection found for an employee's mailbox. */
@Schema(name = "MailboxCheck", description = "The outcome of validating an employee's mailbox")
public record MailboxCheckDto(
        String mailbox,
        @Schema(description = "Whether the sync can reach the mailbox") boolean ok,
        ConnectionCheckOutcome outcome,
        @Schema(description = "The outcome in plain words, in the language of Accept-Language (English or Swedish), "
                + "as the page says it") String message,
        @Schema(description = "For a support case: the service's error code and message; never a secret")
        String technicalDetail) {
}
