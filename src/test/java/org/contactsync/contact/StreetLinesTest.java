package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.contactsync.contact.StreetLines.Lines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreetLinesTest {

    @Test
    void joinsAddressAndAddress2WithALineBreak() {
        assertEquals("Storgatan 1\r\nLgh 1102", StreetLines.join("Storgatan 1", "Lgh 1102"));
    }

    @Test
    void addressAloneHasNoLineBreak() {
        assertEquals("Storgatan 1", StreetLines.join("Storgatan 1", " "));
        assertEquals("", StreetLines.join(null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Storgatan 1\\r\\nLgh 1102", "Storgatan 1\\nLgh 1102",
            "Storgatan 1\\rLgh 1102", "  Storgatan 1 \\n Lgh 1102  " })
    void splitsOnTheFirstLineBreakOfAnyStyle(String escaped) {
        String street = escaped.replace("\\r", "\r").replace("\\n", "\n");
        assertEquals(new Lines("Storgatan 1", "Lgh 1102"), StreetLines.split(street));
    }

    @Test
    void furtherLinesJoinAddress2OnOneLine() {
        assertEquals(new Lines("Storgatan 1", "Lgh 1102, Box 7"), StreetLines.split("Storgatan 1\nLgh 1102\nBox 7"));
    }

    @Test
    void roundTripKeepsBothLines() {
        assertEquals(new Lines("Storgatan 1", "Lgh 1102"), StreetLines.split(StreetLines.join("Storgatan 1",
                "Lgh 1102")));
        assertEquals(new Lines("", ""), StreetLines.split(null));
    }
}
