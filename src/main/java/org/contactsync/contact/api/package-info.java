/**
 * {@code /api/v1/contacts}: list, get, create, merge-patch and delete contacts as JSON. Responses are
 * {@link org.contactsync.contact.api.ContactDto} records, never the entity; the ETag is the contact's version;
 * refusals reach the caller as problem+json through the API's exception mappers.
 */
package org.contactsync.contact.api;
