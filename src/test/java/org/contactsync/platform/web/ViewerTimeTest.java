package org.contactsync.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewerTimeTest {

    private static final Instant AFTERNOON_UTC = Instant.parse("2026-12-04T14:36:00Z");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void aMomentIsShownInTheViewersZoneAndLanguage() {
        var swedish = ViewerTime.format(AFTERNOON_UTC, Locale.forLanguageTag("sv"), STOCKHOLM);
        assertTrue(swedish.contains("dec. 2026") && swedish.contains("15:36:00") && !swedish.contains("PM"), swedish);
        var english = ViewerTime.format(AFTERNOON_UTC, Locale.ENGLISH, STOCKHOLM);
        assertTrue(english.contains("Dec 4, 2026") && english.contains("3:36:00") && english.contains("PM"), english);
        var newYork = ViewerTime.format(AFTERNOON_UTC, Locale.ENGLISH, ZoneId.of("America/New_York"));
        assertTrue(newYork.contains("9:36:00") && newYork.contains("AM"), newYork);
    }

    @Test
    void theBrowsersZoneComesFromItsCookieAsTheScriptEncodesIt() {
        assertEquals(Optional.of(STOCKHOLM), ViewerTime.zoneOf(Optional.of("Europe%2FStockholm")));
        assertEquals(Optional.of(ZoneId.of("America/Argentina/Buenos_Aires")),
                ViewerTime.zoneOf(Optional.of("America/Argentina/Buenos_Aires")));
    }

    @Test
    void aCookieThatNamesNoZoneIsIgnored() {
        assertEquals(Optional.empty(), ViewerTime.zoneOf(Optional.of("Mars/Olympus_Mons")));
        assertEquals(Optional.empty(), ViewerTime.zoneOf(Optional.of("%zz")));
        assertEquals(Optional.empty(), ViewerTime.zoneOf(Optional.of("")));
        assertEquals(Optional.empty(), ViewerTime.zoneOf(Optional.empty()));
    }
}
