package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Last Sync Result as the Contact Sync Setup page and the API show it: in the reader's language. */
class ExchangeSyncLastResultTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aStoredResultIsShownInTheReadersLanguageAndAnOldOneAsItIs() {
        var setup = new ExchangeSync("alice", NOW, "alice");
        assertEquals(Optional.empty(), setup.lastSyncResult(Locale.ENGLISH));

        setup.recordSync(NOW, ExchangeMessages.of("contactSync.never").stored(), Optional.empty());
        assertEquals(Optional.of("Never synchronized."), setup.lastSyncResult(Locale.ENGLISH));
        assertEquals(Optional.of("Aldrig synkroniserad."), setup.lastSyncResult(Locale.forLanguageTag("sv")));

        setup.recordSync(NOW, "3 created in Outlook", Optional.empty());
        assertEquals(Optional.of("3 created in Outlook"), setup.lastSyncResult(Locale.forLanguageTag("sv")));
    }
}
