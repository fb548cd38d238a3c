package org.contactsync.sync.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/sync-runs}.
 *
 * @param mode              INCREMENTAL ("Sync with Microsoft 365", the default) or FULL ("Full Sync with Microsoft
 *                          365")
 * @param preview           plan and log only, write nothing
 * @param userName          whose contacts to sync: admins may name anyone; default the caller
 * @param confirmMassDelete carry out the deletes a previous run's mass-delete guard stopped
 */
@Schema(name = "SyncRunRequest", description = "Start a sync run")
public record SyncRunRequestDto(
        @Schema(enumeration = {"INCREMENTAL", "FULL"}, defaultValue = "INCREMENTAL") String mode,
        Boolean preview,
        @Schema(description = "Admins only: another employee's user name") String userName,
        Boolean confirmMassDelete) {

    /** Flags are {@code Boolean} so that the API's strict reading applies (see StrictJsonb); absent is false. */
    boolean isPreview() {
        return Boolean.TRUE.equals(preview);
    }

    boolean isMassDeleteConfirmed() {
        return Boolean.TRUE.equals(confirmMassDelete);
    }
}
