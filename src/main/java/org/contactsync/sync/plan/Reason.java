package org.contactsync.sync.plan;

/**
 * Why the planner chose an action; the sync log shows it per contact. {@link #text()} is the English wording; pages
 * translate by the constant's name.
 */
public enum Reason {
    NEW_IN_BC("In scope in Business Central and not yet in Outlook"),
    CHANGED_IN_BC("Changed in Business Central"),
    CHANGED_IN_OUTLOOK("Changed in Outlook"),
    NEW_IN_OUTLOOK("New in Outlook, imported as a Person contact"),
    DELETED_IN_OUTLOOK("Deleted in Outlook"),
    DELETED_IN_BC("Deleted in Business Central"),
    OUTSIDE_FILTER("Not in the employee's contact filter"),
    NOT_PERSON("Type is Company; only Person contacts are synced"),
    NO_NAME("Has no name"),
    NO_EMAIL("Has no e-mail address"),
    PRIVACY_BLOCKED("Privacy Blocked"),
    KEPT_IN_OUTLOOK("Left the sync; kept in Outlook and no longer synced, as the employee chose"),
    BACK_IN_SCOPE("Kept in Outlook earlier and now back in the sync"),
    MATCHED_BY_STAMP("Found in Outlook by the contact No. the sync stamped on it"),
    MATCHED_BY_EMAIL("Found in Outlook by its e-mail address"),
    SYNCED_STATE_RECORDED("Both sides agree; the link records it"),
    CHANGED_ON_BOTH_SIDES("Changed on both sides; Business Central wins"),
    DIFFERENT_WHEN_MATCHED("Different on both sides when first matched; Business Central wins"),
    DUPLICATE_CREATED_BY_SYNC("A second Outlook copy of a contact that is already synced"),
    DUPLICATE_EMAIL("Same e-mail address as a contact that is already synced or imported"),
    EMAIL_OF_CONTACT_OUT_OF_SCOPE("Same e-mail address as a Business Central contact outside the sync"),
    WAITS_FOR_FULL_SYNC("Outlook changes are taken to Business Central by a full sync"),
    CLEARED_IN_OUTLOOK("Cleared in Outlook, but a synced contact needs it; Business Central's value is kept"),
    TOO_LONG_FOR_BC("Longer than the Business Central field; not copied"),
    TRUNCATED_FOR_BC("Longer than the Business Central field; cut to its length");

    private final String text;

    Reason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
