package org.contactsync.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business Central's number series: the trailing digits grow by the increment and keep their width. */
class NumberSeriesTest {

    @Test
    void firstNumberIsTheStartingNoThenItGrowsByTheIncrement() {
        var series = new NumberSeries("CONTACT", "CT000010", "", 10);
        assertEquals("CT000010", series.takeNext());
        assertEquals("CT000020", series.takeNext());
        assertEquals("CT000030", series.takeNext());
        assertEquals("CT000030", series.getLastNoUsed());
    }

    @Test
    void continuesFromTheLastNumberUsed() {
        assertEquals("CT001000", new NumberSeries("CONTACT", "CT000010", "CT000990", 10).takeNext());
    }

    @ParameterizedTest
    @CsvSource({
            "CT000090, 10, CT000100",
            "CT999990, 10, CT1000000",
            "K-2024-0099, 1, K-2024-0100",
            "0009, 1, 0010",
            "A1B09, 1, A1B10"})
    void incrementKeepsPrefixAndWidth(String last, int by, String next) {
        assertEquals(next, NumberSeries.increment(last, by));
    }

    @Test
    void aNumberWithoutTrailingDigitsCannotGrow() {
        assertThrows(IllegalStateException.class, () -> NumberSeries.increment("CT-END", 10));
    }
}
