package org.contactsync.exchange.api;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.contactsync.exchange.ContactSyncSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/v1/contact-sync-setups/{userName}}, a merge patch: fields present are set, absent
 * ones keep their value; in {@code filter} only the Contact fields given change, an empty expression stops
 * filtering on that field.
 */
@Schema(name = "ContactSyncSetupChange", description = "A change of a Contact Sync Setup: only the fields given")
public record ContactSyncSetupChangeRequest(
        @Schema(description = "1 to 30 characters") String folderName,
        @Schema(description = "Expressions per Contact field: no, name, type, companyNo, companyName, "
                + "salespersonCode, territoryCode, city, postCode, county, countryRegionCode",
                example = "{\"territoryCode\":\"NORTH\"}") Map<String, String> filter,
        Boolean backgroundSync,
        Boolean keepInOutlook,
        @Schema(description = "The version read; a setup changed since is refused with 409") Long version) {

    /** No field but perhaps the version: refused rather than saved, as a client most likely meant a change. */
    boolean changesNothing() {
        return Stream.of(folderName, filter, backgroundSync, keepInOutlook).allMatch(v -> v == null);
    }

    ContactSyncSettings applyTo(ContactSyncSettings current) {
        return new ContactSyncSettings(Optional.ofNullable(folderName).orElse(current.folderName()),
                filter == null ? current.filter() : FilterJson.merged(current.filter(), filter),
                Optional.ofNullable(backgroundSync).orElse(current.backgroundSyncEnabled()),
                Optional.ofNullable(keepInOutlook).orElse(current.keepInOutlook()));
    }
}
