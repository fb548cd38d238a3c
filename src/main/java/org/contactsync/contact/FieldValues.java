package org.contactsync.contact;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An immutable set of synced-field values. In a contact snapshot a missing field means an empty value
 * ({@link #get}); in a link's last synced values a missing field means "no agreed value known" ({@link #find}).
 * A {@code null} value is stored as the empty string.
 */
public final class FieldValues {

    private static final FieldValues EMPTY = new FieldValues(new EnumMap<>(SyncedField.class));

    private final Map<SyncedField, String> values;

    private FieldValues(EnumMap<SyncedField, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FieldValues empty() {
        return EMPTY;
    }

    public static FieldValues of(Map<SyncedField, String> values) {
        EnumMap<SyncedField, String> copy = new EnumMap<>(SyncedField.class);
        values.forEach((field, value) -> copy.put(field, value == null ? "" : value));
        return new FieldValues(copy);
    }

    /** The value, or the empty string when the field is missing. */
    public String get(SyncedField field) {
        return values.getOrDefault(field, "");
    }

    /** The value when the field is present. */
    public Optional<String> find(SyncedField field) {
        return Optional.ofNullable(values.get(field));
    }

    public Set<SyncedField> fields() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A copy with one field set. */
    public FieldValues with(SyncedField field, String value) {
        EnumMap<SyncedField, String> copy = copy();
        copy.put(field, value == null ? "" : value);
        return new FieldValues(copy);
    }

    /** A copy with every field of {@code other} set to other's value. */
    public FieldValues withAll(FieldValues other) {
        EnumMap<SyncedField, String> copy = copy();
        copy.putAll(other.values);
        return new FieldValues(copy);
    }

    private EnumMap<SyncedField, String> copy() {
        EnumMap<SyncedField, String> copy = new EnumMap<>(SyncedField.class);
        copy.putAll(values);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        values.forEach((field, value) -> text.add(field.bcCaption() + "=" + value));
        return text.toString();
    }
}
