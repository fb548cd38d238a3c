package org.contactsync.contact;

import java.util.EnumMap;
import java.util.Map;

/** Reads and assigns a Business Central contact's synced fields, as {@link SyncedField} names them. */
public final class SyncedFieldValues {

    private SyncedFieldValues() {
    }

    public static FieldValues read(Contact contact) {
        Map<SyncedField, String> values = new EnumMap<>(SyncedField.class);
        for (SyncedField field : SyncedField.values()) {
            values.put(field, get(contact, field));
        }
        return FieldValues.of(values);
    }

    private static String get(Contact contact, SyncedField field) {
        return switch (field) {
            case FIRST_NAME -> contact.getFirstName();
            case MIDDLE_NAME -> contact.getMiddleName();
            case SURNAME -> contact.getSurname();
            case NAME -> contact.getName();
            case COMPANY_NAME -> contact.getCompanyName();
            case JOB_TITLE -> contact.getJobTitle();
            case ADDRESS -> contact.getAddress();
            case ADDRESS_2 -> contact.getAddress2();
            case CITY -> contact.getCity();
            case POST_CODE -> contact.getPostCode();
            case COUNTY -> contact.getCounty();
            case COUNTRY_REGION_CODE -> contact.getCountryRegionCode();
            case PHONE_NO -> contact.getPhoneNo();
            case MOBILE_PHONE_NO -> contact.getMobilePhoneNo();
            case E_MAIL -> contact.getEmail();
            case E_MAIL_2 -> contact.getEmail2();
            case HOME_PAGE -> contact.getHomePage();
            case FAX_NO -> contact.getFaxNo();
        };
    }

    /**
     * Assigns the values as given (no name breakdown, no reformatting), except Company Name, which the caller
     * resolves to a company ({@link Contact#assignCompany}).
     */
    public static void assign(Contact contact, FieldValues values) {
        for (SyncedField field : values.fields()) {
            String value = values.get(field);
            switch (field) {
                case FIRST_NAME -> contact.setFirstName(value);
                case MIDDLE_NAME -> contact.setMiddleName(value);
                case SURNAME -> contact.setSurname(value);
                case NAME -> contact.setName(value);
                case COMPANY_NAME -> {
                    // resolved by the caller
                }
                case JOB_TITLE -> contact.setJobTitle(value);
                case ADDRESS -> contact.setAddress(value);
                case ADDRESS_2 -> contact.setAddress2(value);
                case CITY -> contact.setCity(value);
                case POST_CODE -> contact.setPostCode(value);
                case COUNTY -> contact.setCounty(value);
                case COUNTRY_REGION_CODE -> contact.setCountryRegionCode(value);
                case PHONE_NO -> contact.setPhoneNo(value);
                case MOBILE_PHONE_NO -> contact.setMobilePhoneNo(value);
                case E_MAIL -> contact.setEmail(value);
                case E_MAIL_2 -> contact.setEmail2(value);
                case HOME_PAGE -> contact.setHomePage(value);
                case FAX_NO -> contact.setFaxNo(value);
            }
        }
    }
}
