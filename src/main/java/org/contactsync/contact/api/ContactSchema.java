package org.contactsync.contact.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.ContactField;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The OpenAPI schema of a contact as {@link ContactJson#response} writes it, made from the field catalogue so that
 * the published lengths are the validated ones. {@code restapi} adds it to the document as {@value #NAME}; the
 * resource's annotations refer to it by that name.
 */
public final class ContactSchema {

    public static final String NAME = "Contact";

    /** What the API says about a field beyond its length and rule. */
    private static final Map<ContactField, String> DESCRIPTIONS = Map.of(
            ContactField.NAME, "For persons computed from First Name, Middle Name and Surname",
            ContactField.COMPANY_NO, "A person's company contact; a company's own No.");

    private ContactSchema() {
    }

    public static Schema contact() {
        var schema = OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("A Business Central contact: a company or a person. A request body has the same "
                        + "fields; the read-only ones are ignored there.")
                .addProperty("no", text().readOnly(true).example("CT000010"))
                .addProperty("type", text().enumeration(List.of("Company", "Person")));
        for (var field : ContactField.values()) {
            schema.addProperty(field.jsonName(), property(field));
        }
        return schema
                .addProperty("privacyBlocked", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                .addProperty("lastModifiedAt", text().format("date-time").readOnly(true)
                        .description("Last Date/Time Modified, UTC"))
                .addProperty("version", OASFactory.createSchema().type(SchemaType.INTEGER).format("int64")
                        .readOnly(true).description("Optimistic-lock version; also the ETag"));
    }

    private static Schema property(ContactField field) {
        if (!ContactField.editable().contains(field)) {
            return text().readOnly(true);
        }
        var property = text().maxLength(field.maxLength());
        Optional.ofNullable(DESCRIPTIONS.get(field)).ifPresent(property::description);
        return switch (field.rule()) {
            case PHONE -> property.description("No letters");
            case EMAIL -> property.format("email");
            case TEXT -> property;
        };
    }

    private static Schema text() {
        return OASFactory.createSchema().type(SchemaType.STRING);
    }
}
