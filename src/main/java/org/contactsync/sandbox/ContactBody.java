package org.contactsync.sandbox;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A contact POST or PATCH body, checked the way Graph checks it: {@code @odata.*} annotations are accepted (the SDK
 * sends {@code @odata.type}), unknown properties and read-only ones are refused, values must have the property's
 * type, and {@code singleValueExtendedProperties} entries need a valid id (kept in Graph's spelling of it).
 */
record ContactBody(Map<String, JsonValue> properties, Map<String, String> extendedProperties) {

    static ContactBody parse(Optional<JsonValue> body) {
        if (body.isEmpty() || body.get().getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Empty Payload, JSON content expected.");
        }
        JsonObject json = body.get().asJsonObject();
        Map<String, JsonValue> properties = new LinkedHashMap<>();
        Map<String, String> extended = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("@odata.")) {
                requireContactType(name, entry.getValue());
            } else if (name.equals("singleValueExtendedProperties")) {
                readExtendedProperties(entry.getValue(), extended);
            } else if (ContactSchema.READ_ONLY.contains(name)) {
                throw ContactSchema.readOnlyProperty();
            } else if (ContactSchema.WRITABLE.containsKey(name)) {
                properties.put(name, ContactSchema.accept(name, entry.getValue()));
            } else {
                throw ContactSchema.unknownProperty(name, "Microsoft.OutlookServices.Contact");
            }
        }
        return new ContactBody(properties, extended);
    }

    private static void requireContactType(String annotation, JsonValue value) {
        if (annotation.equals("@odata.type") && !(value instanceof JsonString s
                && (s.getString().equals("#microsoft.graph.contact") || s.getString().equals("microsoft.graph.contact")))) {
            throw GraphError.badRequest("RequestBodyRead", "A type named '" + value + "' could not be resolved by the "
                    + "model. When a model is available, each type name must resolve to a valid type.");
        }
    }

    private static void readExtendedProperties(JsonValue value, Map<String, String> into) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw GraphError.badRequest("RequestBodyRead", "The property 'singleValueExtendedProperties' expects an array.");
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT
                    || !(item.asJsonObject().get("id") instanceof JsonString id)
                    || !(item.asJsonObject().get("value") instanceof JsonString propertyValue)) {
                throw GraphError.badRequest("RequestBodyRead",
                        "An extended property needs a string 'id' and a string 'value'.");
            }
            String canonicalId = ExtendedPropertyIds.canonical(id.getString()).orElseThrow(() -> GraphError.badRequest(
                    "ErrorInvalidProperty", "The extended property id '" + id.getString() + "' is not valid."));
            into.put(canonicalId, propertyValue.getString());
        }
    }
}
