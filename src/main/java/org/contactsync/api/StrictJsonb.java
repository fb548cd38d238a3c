package org.contactsync.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON-B the API binds request bodies with, stricter than the default in two ways:
 * <ul>
 * <li>an unknown field is refused (Yasson's {@code jsonb.fail-on-unknown-properties}) instead of ignored, so that
 * a misspelt {@code "previw": true} is not silently a real run; the contacts API refuses them the same way;</li>
 * <li>a {@code Boolean} is JSON {@code true} or {@code false}: Yasson would read any string, {@code "yes"} included,
 * with {@code Boolean.parseBoolean}, i.e. as false.</li>
 * </ul>
 * Request records therefore declare flags as {@code Boolean}: the deserializer is registered for that type.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** JSON true and false only. */
    public static final class StrictBoolean implements JsonbDeserializer<Boolean> {

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            var value = parser.getValue();
            if (value == JsonValue.TRUE || value.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (value.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw new JsonbException("Expected true or false, got " + value.getValueType());
        }
    }
}
