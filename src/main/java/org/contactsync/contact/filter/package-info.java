/**
 * Business Central's filter syntax ({@code A*}, {@code 10000..20000}, {@code <>X}, {@code A|B}, {@code ''}, ...):
 * {@link org.contactsync.contact.filter.FilterParser} parses one field's filter into a tree of
 * {@link org.contactsync.contact.filter.FilterExpression}s (pure Java, no database) and
 * {@link org.contactsync.contact.filter.FilterCriteria} turns a tree into a JPA Criteria predicate on one column.
 * Every character a user types ends up as literal text or a wildcard in the tree, and as a bound parameter in the
 * query, never as query syntax. Contact Sync Setup ({@code org.contactsync.exchange.SyncFilter}) and the Contact
 * List's column filters ({@link org.contactsync.contact.ContactFilter}) share it; it lives here, below both, because
 * {@code contact} may not use {@code exchange}. Its texts ({@code filter.invalid}, {@code filter.problem.*}) are in
 * the contact bundle.
 */
package org.contactsync.contact.filter;
