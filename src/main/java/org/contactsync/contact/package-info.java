/**
 * The CRM contact, as Business Central's table 5050 Contact: companies and persons, numbered from the Contact Nos.
 * number series, with Business Central's field lengths and validation. {@link org.contactsync.contact.ContactService}
 * is the only way pages and the API change contacts (one transaction per call, refusals as
 * {@link org.contactsync.platform.ApplicationException}); the sync engine may also change {@link
 * org.contactsync.contact.Contact} entities directly, and {@link org.contactsync.contact.ContactMaintenance} keeps
 * their search copies and Last Date/Time Modified (UTC) current either way.
 *
 * <p>The contact's fields are declared once, in {@link org.contactsync.contact.ContactField}: each text field's JSON
 * name (also the Contact Card's input id and caption key), Business Central's caption and length, its rule and its
 * accessors on {@link org.contactsync.contact.Contact}. Bean Validation ({@code CatalogueRules} on the entity),
 * {@link org.contactsync.contact.ContactData}, the API's JSON and OpenAPI schema, the Contact Card's
 * {@code cs:contactField} tag and the sync's table read it; only the columns (and their migration) are written
 * out again.
 *
 * <p>The synced-field table lives here too: {@link org.contactsync.contact.SyncedField} (which fields sync, their
 * value kind and Graph path), {@link org.contactsync.contact.FieldValues} and
 * {@link org.contactsync.contact.StreetLines}, the neutral vocabulary that {@code graph} and the sync planner share,
 * and {@link org.contactsync.contact.SyncedFieldValues}, which reads and assigns them on a contact. The sync's
 * queries (by filter predicate, by Nos., by e-mail) and Business Central's company lookup by name are
 * {@link org.contactsync.contact.ContactRepository}'s.
 *
 * <h2>Layering</h2>
 * Uses only {@code platform}: nothing here imports {@code graph}, {@code exchange}, {@code sync} or
 * {@code jobqueue}. The sync engine reads and writes contacts through its own port
 * ({@code org.contactsync.sync.BusinessCentralContactsPort}), whose adapter lives in {@code sync}.
 */
package org.contactsync.contact;
