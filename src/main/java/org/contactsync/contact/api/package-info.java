/**
 * {@code /api/v1/contacts}: list, get, create, merge-patch and delete contacts as JSON. A contact's JSON is written
 * and read by {@link org.contactsync.contact.api.ContactJson} from the field catalogue
 * ({@link org.contactsync.contact.ContactField}), never by binding the entity, and described by
 * {@link org.contactsync.contact.api.ContactSchema}; the ETag is the contact's version; refusals reach the caller as
 * problem+json through the API's exception mappers.
 */
package org.contactsync.contact.api;
