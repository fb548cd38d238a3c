package org.contactsync.exchange.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.contactsync.exchange.ExchangeSync;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employee's Exchange Sync / Contact Sync Setup as the API shows it, with the counts the page shows. */
@Schema(name = "ContactSyncSetup", description = "An employee's Exchange Sync / Contact Sync Setup")
public record ContactSyncSetupDto(
        String userName,
        @Schema(description = "The mailbox synced: the Microsoft 365 e-mail of the user card; empty when none")
        String authenticationEmail,
        @Schema(description = "The Outlook contact folder, 1 to 30 characters") String folderName,
        @Schema(description = "The sync renames the Outlook folder to folderName at its next run")
        boolean folderRenamePending,
        @Schema(description = "Business Central filter expressions per Contact field; empty: does not filter",
                example = "{\"territoryCode\":\"NORTH|SOUTH\",\"city\":\"@stock*\"}") Map<String, String> filter,
        @Schema(description = "How many contacts the filter lets through") long matchingContacts,
        @Schema(description = "How many of them will sync: persons with a Name and an E-mail, not privacy blocked")
        long willSync,
        @Schema(description = "Enable Background Synchronization: the job queue syncs the employee")
        boolean backgroundSync,
        @Schema(description = "A contact that leaves the sync stays in Outlook, no longer synced, instead of being "
                + "deleted there") boolean keepInOutlook,
        Instant lastSyncAt,
        @Schema(description = "In the language of Accept-Language (English or Swedish)") String lastSyncResult,
        Instant modifiedAt,
        String modifiedBy,
        @Schema(description = "Send it back in a change to refuse (409) overwriting someone else's change") long version) {

    static ContactSyncSetupDto of(ExchangeSync setup, String authenticationEmail, long matching, long willSync,
            Locale locale) {
        return new ContactSyncSetupDto(setup.getUserName(), authenticationEmail, setup.getFolderName(),
                setup.isFolderRenamePending(), FilterJson.of(setup.filter()), matching, willSync,
                setup.isBackgroundSyncEnabled(), setup.isKeepInOutlook(), setup.lastSyncAt().orElse(null),
                setup.lastSyncResult(locale).orElse(""), setup.modified().at(), setup.modified().by(), setup.getVersion());
    }
}
