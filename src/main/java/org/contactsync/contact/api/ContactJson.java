package org.contactsync.contact.api;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactField;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactType;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;

/**
 * Writes contacts and reads request bodies into {@link ContactData} field by field ({@link ContactField} names the text fields), so that
 * an unknown field or a value of the wrong type is named in the answer (a plain JSON-B binding would either ignore it
 * or fail without saying which field).
 * PATCH bodies are JSON merge patches (RFC 7396) applied with JSON-P's {@link jakarta.json.JsonMergePatch} to the
 * contact's current editable fields.
 */
final class ContactJson {

    /** Fields of the response that the application sets; a body may repeat them (GET, edit, send back). */
    static final Set<String> READ_ONLY = Set.of("no", "companyName", "searchName", "lastModifiedAt", "version");

    private ContactJson() {
    }

    /** Business Central's caption of a type, as the API writes it: Company, Person. */
    static String typeName(ContactType type) {
        var name = type.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static Optional<ContactType> parseType(String text) {
        for (var type : ContactType.values()) {
            if (type.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * A contact as the API shows it ({@link ContactSchema}): No., Type, every field of the catalogue, Privacy Blocked,
     * Last Date/Time Modified (UTC, ISO-8601) and the version.
     */
    static JsonObject response(Contact contact) {
        var json = JSON.createObjectBuilder().add("no", contact.getNo()).add("type", typeName(contact.getType()));
        Arrays.stream(ContactField.values()).forEach(field -> json.add(field.jsonName(), field.get(contact)));
        return json.add("privacyBlocked", contact.isPrivacyBlocked())
                .add("lastModifiedAt", contact.getLastModifiedAt().toString())
                .add("version", contact.getVersion())
                .build();
    }

    /** The editable fields as a JSON object: the target a merge patch is applied to. */
    static JsonObject write(ContactData data) {
        var json = JSON.createObjectBuilder().add("type", typeName(data.getType()));
        ContactField.editable().forEach(field -> json.add(field.jsonName(), data.get(field)));
        return json.add("privacyBlocked", data.isPrivacyBlocked()).build();
    }

    /** Applies a merge patch to the current fields and reads the result; INVALID names every bad field. */
    static ContactData patch(ContactData current, JsonObject mergePatch) {
        var merged = JSON.createMergePatch(mergePatch).apply(write(current));
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApplicationException(Kind.INVALID, ContactMessages.of("contact.api.notAnObject"));
        }
        return read(merged.asJsonObject());
    }

    /** Reads a full body; fields left out keep their defaults (empty, Person, not privacy blocked). */
    static ContactData read(JsonObject body) {
        var data = new ContactData();
        var problems = new ArrayList<FieldProblem>();
        body.forEach((name, value) -> readField(data, name, value).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, ContactMessages.of("contact.invalid"), problems);
        }
        return data;
    }

    private static Optional<FieldProblem> readField(ContactData data, String name, JsonValue value) {
        var isNull = value.getValueType() == JsonValue.ValueType.NULL;
        var textField = ContactField.named(name).filter(ContactField.editable()::contains);
        if (textField.isPresent()) {
            if (!isNull && !(value instanceof JsonString)) {
                return problem(name, "contact.api.mustBeText");
            }
            data.set(textField.get(), isNull ? "" : ((JsonString) value).getString());
            return Optional.empty();
        }
        return switch (name) {
            case "type" -> readType(data, value);
            case "privacyBlocked" -> readBoolean(data, value);
            default -> READ_ONLY.contains(name) ? Optional.empty() : problem(name, "contact.api.unknownField");
        };
    }

    private static Optional<FieldProblem> readType(ContactData data, JsonValue value) {
        var type = value instanceof JsonString text ? parseType(text.getString()) : Optional.<ContactType>empty();
        type.ifPresent(data::setType);
        return type.isPresent() ? Optional.empty() : problem("type", "contact.api.mustBeType");
    }

    private static Optional<FieldProblem> readBoolean(ContactData data, JsonValue value) {
        switch (value.getValueType()) {
            case TRUE -> data.setPrivacyBlocked(true);
            case FALSE, NULL -> data.setPrivacyBlocked(false);
            default -> {
                return problem("privacyBlocked", "contact.api.mustBeBoolean");
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> problem(String field, String key) {
        return Optional.of(new FieldProblem(field, ContactMessages.of(key)));
    }
}
