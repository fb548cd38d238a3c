package org.contactsync.contact;

/** Business Central's enum 5050 "Contact Type": a company, or a person who may work for one. */
public enum ContactType {
    COMPANY, PERSON
}
