/**
 * The Contact List (page 5052) and Contact Card (page 5050): thin view beans over
 * {@link org.contactsync.contact.ContactService}; paging, sorting and filtering happen in the database.
 */
package org.contactsync.contact.web;
