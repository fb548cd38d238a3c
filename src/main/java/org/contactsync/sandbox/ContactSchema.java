package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Graph v1.0's {@code microsoft.graph.contact} (with {@code outlookItem}, {@code physicalAddress} and
 * {@code emailAddress}) as the sandbox stores and checks it: each structural property with its EDM type, and which
 * are read-only. The names and types are those of Graph's CSDL (msgraph-metadata); the contract tests hold the
 * sandbox's JSON against that file.
 */
final class ContactSchema {

    enum Type { STRING, STRING_COLLECTION, DATE_TIME_OFFSET, PHYSICAL_ADDRESS, EMAIL_ADDRESS, EMAIL_ADDRESS_COLLECTION }

    /** Writable properties in the order Graph returns them. */
    static final Map<String, Type> WRITABLE = writable();

    /** Properties the service maintains; a client that sends one gets ErrorInvalidPropertySet. */
    static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "parentFolderId");

    /** Properties Graph returns only when they have a value (beta-era e-mail slots that v1.0 still declares). */
    static final Set<String> OMITTED_WHEN_EMPTY = Set.of("primaryEmailAddress", "secondaryEmailAddress",
            "tertiaryEmailAddress");

    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "city", "state", "countryOrRegion", "postalCode");
    private static final Set<String> EMAIL_FIELDS = Set.of("name", "address");
    static final DateTimeFormatter GRAPH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private ContactSchema() {
    }

    private static Map<String, Type> writable() {
        Map<String, Type> p = new LinkedHashMap<>();
        p.put("categories", Type.STRING_COLLECTION);
        p.put("birthday", Type.DATE_TIME_OFFSET);
        for (String s : new String[]{"fileAs", "displayName", "givenName", "initials", "middleName", "nickName",
                "surname", "title", "yomiGivenName", "yomiSurname", "yomiCompanyName", "generation"}) {
            p.put(s, Type.STRING);
        }
        p.put("imAddresses", Type.STRING_COLLECTION);
        for (String s : new String[]{"jobTitle", "companyName", "department", "officeLocation", "profession",
                "businessHomePage", "assistantName", "manager"}) {
            p.put(s, Type.STRING);
        }
        p.put("homePhones", Type.STRING_COLLECTION);
        p.put("mobilePhone", Type.STRING);
        p.put("businessPhones", Type.STRING_COLLECTION);
        p.put("spouseName", Type.STRING);
        p.put("personalNotes", Type.STRING);
        p.put("children", Type.STRING_COLLECTION);
        p.put("emailAddresses", Type.EMAIL_ADDRESS_COLLECTION);
        p.put("homeAddress", Type.PHYSICAL_ADDRESS);
        p.put("businessAddress", Type.PHYSICAL_ADDRESS);
        p.put("otherAddress", Type.PHYSICAL_ADDRESS);
        p.put("primaryEmailAddress", Type.EMAIL_ADDRESS);
        p.put("secondaryEmailAddress", Type.EMAIL_ADDRESS);
        p.put("tertiaryEmailAddress", Type.EMAIL_ADDRESS);
        return java.util.Collections.unmodifiableMap(p);
    }

    static boolean isProperty(String name) {
        return WRITABLE.containsKey(name) || READ_ONLY.contains(name);
    }

    /**
     * Strings Graph shows as {@code ""} rather than null when nobody set them: contact-get.md's example answers a
     * contact created with a name and no File As with {@code "fileAs": ""} and {@code "personalNotes": ""}; Graph
     * does not file a contact itself.
     */
    private static final Set<String> EMPTY_STRING_WHEN_UNSET = Set.of("fileAs", "personalNotes");

    /** The value Graph shows for this property when nobody set it. */
    static JsonValue emptyValue(String property) {
        return EMPTY_STRING_WHEN_UNSET.contains(property) ? JSON.createValue("")
                : typeOf(property).map(ContactSchema::emptyValue).orElse(JsonValue.NULL);
    }

    /** The value Graph shows for a property of this type nobody set. */
    static JsonValue emptyValue(Type type) {
        return switch (type) {
            case STRING_COLLECTION, EMAIL_ADDRESS_COLLECTION -> JsonValue.EMPTY_JSON_ARRAY;
            case PHYSICAL_ADDRESS -> JsonValue.EMPTY_JSON_OBJECT;
            default -> JsonValue.NULL;
        };
    }

    /**
     * Checks a client-sent value against the property's type and returns it as stored (date-times normalised to
     * UTC). Refuses a wrong type with Graph's RequestBodyRead error.
     */
    static JsonValue accept(String property, JsonValue value) {
        Type type = WRITABLE.get(property);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return emptyValue(property);
        }
        return switch (type) {
            case STRING -> requireString(property, value);
            case STRING_COLLECTION -> {
                JsonArrayBuilder strings = JSON.createArrayBuilder();
                requireArray(property, value).forEach(v -> strings.add(requireString(property, v)));
                yield strings.build();
            }
            case DATE_TIME_OFFSET -> JSON.createValue(normaliseDateTime(property, requireString(property, value).getString()));
            case PHYSICAL_ADDRESS -> complex(property, value, ADDRESS_FIELDS, "Microsoft.OutlookServices.PhysicalAddress");
            case EMAIL_ADDRESS -> complex(property, value, EMAIL_FIELDS, "Microsoft.OutlookServices.EmailAddress");
            case EMAIL_ADDRESS_COLLECTION -> {
                JsonArrayBuilder addresses = JSON.createArrayBuilder();
                requireArray(property, value).forEach(v -> addresses.add(
                        complex(property, v, EMAIL_FIELDS, "Microsoft.OutlookServices.EmailAddress")));
                yield addresses.build();
            }
        };
    }

    static String normaliseDateTime(String property, String text) {
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).format(GRAPH_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw cannotConvert(property, text, "Edm.DateTimeOffset");
        }
    }

    private static JsonObject complex(String property, JsonValue value, Set<String> fields, String typeName) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphError.badRequest("RequestBodyRead", "A node of type '" + value.getValueType()
                    + "' was read from the JSON reader when trying to read a resource; a node of type 'StartObject' was "
                    + "expected for property '" + property + "'.");
        }
        JsonObjectBuilder stored = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : value.asJsonObject().entrySet()) {
            if (field.getKey().startsWith("@odata.")) {
                continue;
            }
            if (!fields.contains(field.getKey())) {
                throw unknownProperty(field.getKey(), typeName);
            }
            if (field.getValue().getValueType() != JsonValue.ValueType.NULL) {
                stored.add(field.getKey(), requireString(property + "/" + field.getKey(), field.getValue()));
            }
        }
        return stored.build();
    }

    private static JsonString requireString(String property, JsonValue value) {
        if (value instanceof JsonString s) {
            return s;
        }
        throw cannotConvert(property, value.toString(), "Edm.String");
    }

    private static JsonArray requireArray(String property, JsonValue value) {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw GraphError.badRequest("RequestBodyRead", "A node of type '" + value.getValueType()
                + "' was read from the JSON reader when trying to read the contents of the property '" + property
                + "'; however, a 'StartArray' node was expected.");
    }

    private static GraphError cannotConvert(String property, String literal, String edmType) {
        return GraphError.badRequest("RequestBodyRead", "Cannot convert the literal '" + literal
                + "' to the expected type '" + edmType + "' (property '" + property + "').");
    }

    static GraphError unknownProperty(String property, String typeName) {
        return GraphError.badRequest("RequestBodyRead", "The property '" + property + "' does not exist on type '"
                + typeName + "'. Make sure to only use property names that are defined by the type or mark the type as "
                + "open type.");
    }

    static GraphError readOnlyProperty() {
        return GraphError.badRequest("ErrorInvalidPropertySet", "Set action is invalid for property.");
    }

    static Optional<Type> typeOf(String property) {
        return Optional.ofNullable(WRITABLE.get(property));
    }
}
