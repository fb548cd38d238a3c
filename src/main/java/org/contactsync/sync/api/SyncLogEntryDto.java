package org.contactsync.sync.api;

import java.time.Instant;
import org.contactsync.sync.SyncLogEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a run's sync log. */
@Schema(name = "SyncLogEntry", description = "What a run did to one contact, and why")
public record SyncLogEntryDto(
        String contactNo,
        String graphId,
        @Schema(description = "An Outlook contact without a contact No.: its name and e-mail as Outlook had them")
        String outlookContact,
        @Schema(description = "An action kind such as UPDATE_IN_OUTLOOK, or FAILED") String action,
        @Schema(enumeration = {"TO_OUTLOOK", "TO_BUSINESS_CENTRAL", "NONE"}) String direction,
        @Schema(description = "Business Central field captions") String fieldsChanged,
        @Schema(description = "A reason code such as CHANGED_IN_BC") String reason,
        @Schema(description = "The reason in English") String reasonText,
        String detail,
        Instant loggedAt) {

    static SyncLogEntryDto of(SyncLogEntry entry) {
        return new SyncLogEntryDto(entry.getContactNo(), entry.getGraphId(), entry.getOutlookContact(),
                entry.getAction(),
                entry.getDirection().name(), entry.getFieldsChanged(), entry.getReason().name(),
                entry.getReason().text(), entry.getDetail(), entry.getLoggedAt());
    }
}
