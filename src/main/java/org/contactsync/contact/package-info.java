/**
 * The CRM contact, as Business Central's table 5050 Contact: companies and persons, numbered from the Contact Nos.
 * number series, with Business Central's field lengths and validation. {@link org.contactsync.contact.ContactService}
 * is the only way pages and the API change contacts (one transaction per call, refusals as
 * {@link org.contactsync.platform.ApplicationException}); the sync engine may also change {@link
 * org.contactsync.contact.Contact} entities directly, and {@link org.contactsync.contact.ContactMaintenance} keeps
 * their search copies and Last Date/Time Modified (UTC) current either way. Uses only the platform.
 */
package org.contactsync.contact;
