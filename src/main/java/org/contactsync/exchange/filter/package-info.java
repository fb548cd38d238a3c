/**
 * Business Central's filter syntax ({@code A*}, {@code 10000..20000}, {@code <>X}, {@code A|B}, {@code ''}, ...)
 * parsed into a tree of {@link org.contactsync.exchange.filter.FilterExpression}s. Pure Java: no database, no JPA;
 * turning a tree into a query is the job of {@code org.contactsync.exchange.SyncFilterCriteria}. Every character a
 * user types ends up as literal text or a wildcard in the tree, never as query syntax.
 */
package org.contactsync.exchange.filter;
