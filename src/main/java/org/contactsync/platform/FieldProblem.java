package org.contactsync.platform;

/** What is wrong with one field of a submitted record; {@code field} is the property name the API uses. */
public record FieldProblem(String field, LocalizedMessage message) {
}
