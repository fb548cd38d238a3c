package org.contactsync.contact;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The field mapping between a Business Central contact and a Microsoft Graph contact: one row per synced field, with
 * the contact's field ({@link ContactField}: BC's caption and length, accessors, caption key) and the Graph property
 * it maps to. Which fields sync and where in Graph they go is decided here only; the UI and the README show it,
 * {@code graph.ContactMapping} reads and writes the SDK's properties by it.
 *
 * <p>Name and displayName are one field: BC's Name ↔ Graph's displayName. First/Middle Name and Surname are synced
 * as their own fields; the executor assigns all four as planned and does not re-run BC's name breakdown, so the
 * values it writes are the values the planner compared. Graph regenerates displayName when name parts change unless
 * displayName is sent too, so {@link #sentTogether()} adds it.
 *
 * <p>Address and Address 2 are stored in Outlook as one street joined by a line break ({@link StreetLines}); snapshots
 * carry them already split, so every comparison is in BC's terms.
 */
public enum SyncedField {
    FIRST_NAME(ContactField.FIRST_NAME, "givenName", ValueKind.TEXT),
    MIDDLE_NAME(ContactField.MIDDLE_NAME, "middleName", ValueKind.TEXT),
    SURNAME(ContactField.SURNAME, "surname", ValueKind.TEXT),
    NAME(ContactField.NAME, "displayName", ValueKind.TEXT),
    COMPANY_NAME(ContactField.COMPANY_NAME, "companyName", ValueKind.TEXT),
    JOB_TITLE(ContactField.JOB_TITLE, "jobTitle", ValueKind.TEXT),
    ADDRESS(ContactField.ADDRESS, "businessAddress.street (first line)", ValueKind.TEXT),
    ADDRESS_2(ContactField.ADDRESS_2, "businessAddress.street (after the first line break)", ValueKind.TEXT),
    CITY(ContactField.CITY, "businessAddress.city", ValueKind.TEXT),
    POST_CODE(ContactField.POST_CODE, "businessAddress.postalCode", ValueKind.CODE),
    COUNTY(ContactField.COUNTY, "businessAddress.state", ValueKind.TEXT),
    COUNTRY_REGION_CODE(ContactField.COUNTRY_REGION_CODE, "businessAddress.countryOrRegion", ValueKind.CODE),
    PHONE_NO(ContactField.PHONE_NO, "businessPhones[0]", ValueKind.PHONE),
    MOBILE_PHONE_NO(ContactField.MOBILE_PHONE_NO, "mobilePhone", ValueKind.PHONE),
    E_MAIL(ContactField.E_MAIL, "emailAddresses[0].address", ValueKind.EMAIL),
    E_MAIL_2(ContactField.E_MAIL_2, "emailAddresses[1].address", ValueKind.EMAIL),
    HOME_PAGE(ContactField.HOME_PAGE, "businessHomePage", ValueKind.IDENTIFIER),
    FAX_NO(ContactField.FAX_NO,
            "singleValueExtendedProperties['" + SyncedField.FAX_PROPERTY_ID + "'] (PidTagBusinessFaxNumber)",
            ValueKind.PHONE);

    /**
     * Graph's contact has no fax property; Outlook keeps the business fax in MAPI property PidTagBusinessFaxNumber
     * (0x3A24, PT_UNICODE), reached as a single-value extended property by its proptag.
     */
    public static final String FAX_PROPERTY_ID = "String 0x3A24";

    /** How a field's values are compared and what happens to an Outlook value longer than BC's field. */
    public enum ValueKind {
        /** Compared exactly after trimming; a longer Outlook value is truncated to BC's length (and logged). */
        TEXT(false, true),
        /** A BC Code field (stored upper-case): compared ignoring case; a longer Outlook value is not copied. */
        CODE(true, false),
        /** Compared ignoring case; a longer Outlook value is not copied (a cut address is a wrong address). */
        EMAIL(true, false),
        /** Never reformatted, compared exactly; a longer Outlook value is not copied (a cut number is wrong). */
        PHONE(false, false),
        /** A URL: compared exactly; a longer Outlook value is not copied (a cut URL is a wrong URL). */
        IDENTIFIER(false, false);

        private final boolean ignoresCase;
        private final boolean truncates;

        ValueKind(boolean ignoresCase, boolean truncates) {
            this.ignoresCase = ignoresCase;
            this.truncates = truncates;
        }
    }

    private final ContactField contactField;
    private final String graphPath;
    private final ValueKind kind;

    SyncedField(ContactField contactField, String graphPath, ValueKind kind) {
        this.contactField = contactField;
        this.graphPath = graphPath;
        this.kind = kind;
    }

    /** The contact's field this row syncs: its captions, its length and its accessors. */
    public ContactField contactField() {
        return contactField;
    }

    /** The field's caption on BC's Contact Card, as the sync log writes it. */
    public String bcCaption() {
        return contactField.bcCaption();
    }

    /** The maximum length of the BC field (Text[n] / Code[n]). */
    public int bcLength() {
        return contactField.maxLength();
    }

    /**
     * The top-level Graph contact property this field lives in, the start of its {@link #graphPath()}; a PATCH
     * always sends that property whole.
     */
    public String graphProperty() {
        return graphPath.split("[.\\[ ]", 2)[0];
    }

    /** Where exactly in the Graph contact the value lives, for people (UI, README). */
    public String graphPath() {
        return graphPath;
    }

    public ValueKind kind() {
        return kind;
    }

    /**
     * The fields a PATCH of this field must carry: Graph replaces complex and collection properties whole
     * (businessAddress, emailAddresses, businessPhones), and regenerates displayName when a name part changes unless
     * displayName is sent along.
     */
    public Set<SyncedField> sentTogether() {
        Set<SyncedField> fields = EnumSet.noneOf(SyncedField.class);
        for (SyncedField other : values()) {
            if (other.graphProperty().equals(graphProperty())) {
                fields.add(other);
            }
        }
        if (this == FIRST_NAME || this == MIDDLE_NAME || this == SURNAME) {
            fields.add(NAME);
        }
        return fields;
    }

    /**
     * The documented normalisation before any comparison: leading and trailing white space removed, a missing value
     * equals the empty string, and e-mail and code fields compared ignoring case. Phone numbers are compared (and
     * written) exactly as typed.
     */
    public String normalise(String value) {
        String stripped = value == null ? "" : value.strip();
        return kind.ignoresCase ? stripped.toLowerCase(Locale.ROOT) : stripped;
    }

    /** Whether two values of this field are the same after normalisation. */
    public boolean same(String left, String right) {
        return normalise(left).equals(normalise(right));
    }

    /** An Outlook value as Business Central can hold it: fitting, truncated, or too long to copy. */
    public OutlookReading readFromOutlook(String outlookValue) {
        String stripped = outlookValue == null ? "" : outlookValue.strip();
        int bcLength = contactField.maxLength();
        if (stripped.length() <= bcLength) {
            return OutlookReading.fitting(stripped);
        }
        if (!kind.truncates) {
            return OutlookReading.tooLong(stripped.length());
        }
        int end = Character.isHighSurrogate(stripped.charAt(bcLength - 1)) ? bcLength - 1 : bcLength;
        return OutlookReading.truncated(stripped.substring(0, end).strip(), stripped.length());
    }

    /**
     * An Outlook value read against BC's field length.
     *
     * @param value        what BC can store (empty when {@code tooLong})
     * @param outlookLength the length of the Outlook value after trimming
     * @param truncated    the value was cut to BC's length
     * @param tooLong      the value is longer than BC's field and this kind of field is not cut
     */
    public record OutlookReading(String value, int outlookLength, boolean truncated, boolean tooLong) {
        static OutlookReading fitting(String value) {
            return new OutlookReading(value, value.length(), false, false);
        }

        static OutlookReading truncated(String value, int outlookLength) {
            return new OutlookReading(value, outlookLength, true, false);
        }

        static OutlookReading tooLong(int outlookLength) {
            return new OutlookReading("", outlookLength, false, true);
        }
    }
}
