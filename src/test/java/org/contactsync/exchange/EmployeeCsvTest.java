package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.contactsync.platform.ApplicationException;
import org.junit.jupiter.api.Test;

/** The Users page's import file: what an admin's spreadsheet export gives, read as they meant it. */
class EmployeeCsvTest {

    @Test
    void aRowPerEmployeeWithItsFilterAndBackgroundSyncOnUnlessItSaysNo() {
        var rows = EmployeeCsv.read("""
                userName,fullName,email,territoryCode,city,backgroundSync
                anna,Anna Lind,anna@contoso.example,NORTH,"Umeå, centrum",
                bo,"Bo ""the boss"" Ek",bo@contoso.example,,,no
                """);

        assertEquals(2, rows.size());
        var anna = rows.get(0);
        assertEquals(List.of("anna", "Anna Lind", "anna@contoso.example"), List.of(anna.userName(), anna.fullName(),
                anna.email()));
        assertEquals("NORTH", anna.filter().text(FilterField.TERRITORY_CODE));
        assertEquals("Umeå, centrum", anna.filter().text(FilterField.CITY));
        assertTrue(anna.backgroundSync(), "on when empty");
        assertEquals(2, anna.line());
        assertEquals("Bo \"the boss\" Ek", rows.get(1).fullName());
        assertFalse(rows.get(1).backgroundSync());
        assertEquals("", rows.get(1).filter().text(FilterField.TERRITORY_CODE), "an empty filter does not filter");
    }

    @Test
    void excelsSemicolonsInSwedishSettingsAndItsByteOrderMarkAreRead() {
        var rows = EmployeeCsv.read("\uFEFFuserName;fullName;email;salespersonCode\ncarl;Carl Berg;carl@contoso.example;JO\n");

        assertEquals("carl", rows.get(0).userName());
        assertEquals("JO", rows.get(0).filter().text(FilterField.SALESPERSON_CODE));
    }

    @Test
    void aValueTheFileCannotMeanIsTheRowsProblem() {
        var row = EmployeeCsv.read("userName,fullName,email,backgroundSync\nanna,Anna,anna@contoso.example,maybe\n")
                .get(0);

        assertEquals(1, row.problems().size());
        assertEquals("backgroundSync must be yes or no, not \"maybe\".",
                row.problems().get(0).message().in(Locale.ENGLISH));
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrWithUnknownOnesIsRefusedNamingThem() {
        var refused = assertThrows(ApplicationException.class,
                () -> EmployeeCsv.read("userName,email,territory\nanna,anna@contoso.example,NORTH\n"));

        var message = refused.userMessage().in(Locale.ENGLISH);
        assertTrue(message.startsWith("The file's columns do not fit. Missing: fullName. Unknown: territory."),
                message);
    }

    @Test
    void aFileWithoutEmployeesOrWithAnUnclosedQuoteIsRefused() {
        assertEquals("The file has a header row but no employees.", assertThrows(ApplicationException.class,
                () -> EmployeeCsv.read("userName,fullName,email\n")).userMessage().in(Locale.ENGLISH));
        assertTrue(assertThrows(ApplicationException.class,
                () -> EmployeeCsv.read("userName,fullName,email\nanna,\"Anna,anna@contoso.example\n"))
                .userMessage().in(Locale.ENGLISH).startsWith("The file cannot be read as CSV"));
    }
}
