package org.contactsync.contact;

/** What happens to a company's persons when the company is deleted. */
public enum CompanyPersonsChoice {
    /** Delete the persons with the company. */
    DELETE,
    /** Keep the persons and clear their Company No. and Company Name. */
    KEEP
}
