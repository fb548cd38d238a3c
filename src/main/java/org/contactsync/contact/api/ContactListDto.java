package org.contactsync.contact.api;

import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of contacts ({@link ContactJson#response}). {@code next} is the link to the following page and is left out on the last page. */
@Schema(name = "ContactList")
public record ContactListDto(@Schema(type = SchemaType.ARRAY, ref = ContactSchema.NAME) List<JsonObject> items,
                             long total, int offset, int limit,
                             @Schema(description = "Link to the next page; absent on the last page") String next) {
}
