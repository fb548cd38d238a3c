/**
 * The Contact List (page 5052) and Contact Card (page 5050): thin view beans over
 * {@link org.contactsync.contact.ContactService}; paging, sorting and filtering happen in the database. The card's text
 * fields come from the field catalogue through {@link org.contactsync.contact.web.ContactFieldsView} and the tag
 * {@code cs:contactField}.
 */
package org.contactsync.contact.web;
