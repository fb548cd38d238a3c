package org.contactsync.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Graph's CSDL for the contact types (src/test/resources/.../graph-v1.0-contact-schema.xml), and a check of JSON
 * against it: every member must be a declared property (structural or navigation, base types included) or a known
 * OData annotation, and its value must have the JSON form of the declared EDM type.
 */
final class GraphSchema {

    /** OData JSON annotations Graph puts on entities and collections. */
    private static final Set<String> ANNOTATIONS = Set.of("@odata.context", "@odata.etag", "@odata.type",
            "@odata.nextLink", "@odata.deltaLink", "@odata.id");

    private final Map<String, Map<String, String>> typeProperties = new HashMap<>();

    GraphSchema() {
        try (InputStream xml = GraphSchema.class.getResourceAsStream("graph-v1.0-contact-schema.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(xml);
            Map<String, String> baseTypes = new HashMap<>();
            for (String kind : new String[]{"EntityType", "ComplexType"}) {
                NodeList types = document.getElementsByTagNameNS("*", kind);
                for (int i = 0; i < types.getLength(); i++) {
                    Element type = (Element) types.item(i);
                    Map<String, String> properties = new LinkedHashMap<>();
                    for (String member : new String[]{"Property", "NavigationProperty"}) {
                        NodeList children = type.getElementsByTagNameNS("*", member);
                        for (int j = 0; j < children.getLength(); j++) {
                            Element property = (Element) children.item(j);
                            properties.put(property.getAttribute("Name"), property.getAttribute("Type"));
                        }
                    }
                    typeProperties.put(type.getAttribute("Name"), properties);
                    if (type.hasAttribute("BaseType")) {
                        baseTypes.put(type.getAttribute("Name"), type.getAttribute("BaseType").replace("graph.", ""));
                    }
                }
            }
            // Fold base types in: contact gets outlookItem's and entity's properties.
            for (String name : typeProperties.keySet()) {
                Optional<String> base = Optional.ofNullable(baseTypes.get(name));
                while (base.isPresent()) {
                    typeProperties.get(name).putAll(typeProperties.get(base.get()));
                    base = Optional.ofNullable(baseTypes.get(base.get()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Graph's CSDL extract cannot be read", e);
        }
    }

    /** All declared properties of a type (with base types): name to CSDL type. */
    Map<String, String> properties(String type) {
        return Map.copyOf(typeProperties.get(type));
    }

    /** Throws an AssertionError naming the first member of {@code json} that Graph's schema does not have. */
    void check(String type, JsonObject json) {
        Map<String, String> properties = typeProperties.get(type);
        if (properties == null) {
            throw new AssertionError("No type " + type + " in the schema");
        }
        for (Map.Entry<String, JsonValue> member : json.entrySet()) {
            String name = member.getKey();
            if (name.startsWith("@")) {
                if (!ANNOTATIONS.contains(name)) {
                    throw new AssertionError(type + ": unknown annotation " + name);
                }
                checkValue(type + "." + name, "Edm.String", member.getValue());
                continue;
            }
            String declared = properties.get(name);
            if (declared == null) {
                throw new AssertionError(type + " has no property '" + name + "' in Graph's schema");
            }
            checkValue(type + "." + name, declared, member.getValue());
        }
    }

    private void checkValue(String where, String declared, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (declared.startsWith("Collection(")) {
                throw new AssertionError(where + ": a collection is [] when empty, never null");
            }
            return;
        }
        if (declared.startsWith("Collection(")) {
            if (!(value instanceof JsonArray array)) {
                throw new AssertionError(where + ": " + declared + " needs a JSON array, not " + value);
            }
            String element = declared.substring("Collection(".length(), declared.length() - 1);
            array.forEach(item -> checkValue(where + "[]", element, item));
            return;
        }
        switch (declared) {
            case "Edm.String" -> {
                if (!(value instanceof JsonString)) {
                    throw new AssertionError(where + ": Edm.String needs a JSON string, not " + value);
                }
            }
            case "Edm.DateTimeOffset" -> {
                if (!(value instanceof JsonString s)) {
                    throw new AssertionError(where + ": Edm.DateTimeOffset needs a JSON string, not " + value);
                }
                try {
                    OffsetDateTime.parse(s.getString());
                } catch (DateTimeParseException e) {
                    throw new AssertionError(where + ": not an ISO 8601 date-time with offset: " + s.getString());
                }
            }
            case "Edm.Int32" -> {
                if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                    throw new AssertionError(where + ": Edm.Int32 needs an integer, not " + value);
                }
            }
            default -> {
                String typeName = declared.replace("graph.", "");
                if (!(value instanceof JsonObject object)) {
                    throw new AssertionError(where + ": " + declared + " needs a JSON object, not " + value);
                }
                check(typeName, object);
            }
        }
    }
}
