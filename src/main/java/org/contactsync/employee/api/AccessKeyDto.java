package org.contactsync.employee.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newly issued web service access key: in this answer only, never shown again. */
@Schema(name = "AccessKey", description = "A new web service access key; the previous one stopped working")
public record AccessKeyDto(
        String userName,
        @Schema(description = "HTTP Basic password of the API for userName; shown only in this answer") String accessKey,
        Instant issuedAt) {
}
