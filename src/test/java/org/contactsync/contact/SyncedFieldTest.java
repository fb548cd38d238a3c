package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping table and the comparison rules the planner relies on. */
class SyncedFieldTest {

    @ParameterizedTest(name = "{1} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            FIRST_NAME          | First Name          | 30  | givenName
            MIDDLE_NAME         | Middle Name         | 30  | middleName
            SURNAME             | Surname             | 30  | surname
            NAME                | Name                | 100 | displayName
            COMPANY_NAME        | Company Name        | 100 | companyName
            JOB_TITLE           | Job Title           | 30  | jobTitle
            ADDRESS             | Address             | 100 | businessAddress.street (first line)
            ADDRESS_2           | Address 2           | 50  | businessAddress.street (after the first line break)
            CITY                | City                | 30  | businessAddress.city
            POST_CODE           | Post Code           | 20  | businessAddress.postalCode
            COUNTY              | County              | 30  | businessAddress.state
            COUNTRY_REGION_CODE | Country/Region Code | 10  | businessAddress.countryOrRegion
            PHONE_NO            | Phone No.           | 30  | businessPhones[0]
            MOBILE_PHONE_NO     | Mobile Phone No.    | 30  | mobilePhone
            E_MAIL              | E-Mail              | 80  | emailAddresses[0].address
            E_MAIL_2            | E-Mail 2            | 80  | emailAddresses[1].address
            HOME_PAGE           | Home Page           | 255 | businessHomePage
            FAX_NO              | Fax No.             | 30  | singleValueExtendedProperties['String 0x3A24'] (PidTagBusinessFaxNumber)
            """)
    void mapsEachBcFieldWithItsLengthToItsGraphProperty(SyncedField field, String caption, int length, String path) {
        assertEquals(caption, field.bcCaption());
        assertEquals(length, field.bcLength());
        assertEquals(path, field.graphPath());
    }

    @ParameterizedTest(name = "{0} is sent in {1}")
    @CsvSource({"FIRST_NAME, givenName", "ADDRESS_2, businessAddress", "COUNTRY_REGION_CODE, businessAddress",
            "PHONE_NO, businessPhones", "E_MAIL_2, emailAddresses", "FAX_NO, singleValueExtendedProperties"})
    void theGraphPropertyAPatchSendsIsWhereThePathStarts(SyncedField field, String property) {
        assertEquals(property, field.graphProperty());
    }

    @Test
    void theTableHasOneRowPerSyncedField() {
        assertEquals(18, SyncedField.values().length);
        assertEquals(SyncedField.values().length,
                Arrays.stream(SyncedField.values()).map(SyncedField::graphPath).distinct().count());
    }

    @Test
    void whiteSpaceAndMissingValuesAreIgnored() {
        assertTrue(SyncedField.CITY.same(null, ""));
        assertTrue(SyncedField.CITY.same("  Lund ", "Lund"));
        assertFalse(SyncedField.CITY.same("lund", "Lund"), "text keeps its case");
    }

    @Test
    void emailsAndCodesAreComparedIgnoringCase() {
        assertTrue(SyncedField.E_MAIL.same("Anna@Example.com", "anna@example.COM"));
        assertTrue(SyncedField.COUNTRY_REGION_CODE.same("se", "SE"));
    }

    @Test
    void phoneNumbersAreNeverReformatted() {
        assertFalse(SyncedField.PHONE_NO.same("+46 40 12 34", "+4640 1234"));
        assertEquals("+46 (0)40-12 34", SyncedField.PHONE_NO.normalise(" +46 (0)40-12 34 "));
    }

    @Test
    void longOutlookTextIsCutToBcLengthWithoutSplittingACharacter() {
        String title = "x".repeat(29) + "\uD83D\uDE00" + "more";
        SyncedField.OutlookReading reading = SyncedField.JOB_TITLE.readFromOutlook(title);

        assertTrue(reading.truncated());
        assertEquals("x".repeat(29), reading.value());
        assertEquals(title.length(), reading.outlookLength());
    }

    @Test
    void longOutlookIdentifiersAreNotCut() {
        SyncedField.OutlookReading reading = SyncedField.E_MAIL.readFromOutlook("a".repeat(75) + "@example.com");

        assertTrue(reading.tooLong());
        assertEquals("", reading.value());
    }

    @Test
    void aValueThatFitsIsReadTrimmed() {
        assertEquals(new SyncedField.OutlookReading("Lund", 4, false, false),
                SyncedField.CITY.readFromOutlook(" Lund "));
    }

    @Test
    void addressPartsAreSentTogetherAndNamePartsBringTheDisplayName() {
        assertEquals(EnumSet.of(SyncedField.ADDRESS, SyncedField.ADDRESS_2, SyncedField.CITY, SyncedField.POST_CODE,
                SyncedField.COUNTY, SyncedField.COUNTRY_REGION_CODE), SyncedField.CITY.sentTogether());
        assertEquals(Set.of(SyncedField.E_MAIL, SyncedField.E_MAIL_2), SyncedField.E_MAIL_2.sentTogether());
        assertEquals(Set.of(SyncedField.SURNAME, SyncedField.NAME), SyncedField.SURNAME.sentTogether());
        assertEquals(Set.of(SyncedField.JOB_TITLE), SyncedField.JOB_TITLE.sentTogether());
    }
}
