/**
 * The view beans of the Microsoft 365 Connection ({@code admin/microsoft-365-connection.xhtml}), Exchange Sync
 * Setup ({@code exchange/setup.xhtml}) and Contact Sync Setup ({@code exchange/contact-sync-setup.xhtml}) pages.
 * Thin: every rule and every access check is in the services; a refused page shows the refusal with its HTTP
 * status and nothing of the record.
 */
package org.contactsync.exchange.web;
