package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message kept in a column until someone reads it: shown in the reader's language, whoever stored it. */
class LocalizedMessageTest {

    private static final String SYNC = "org.contactsync.sync.web.messages";

    @Test
    void aStoredMessageIsReadInEachReadersLanguage() {
        var stored = LocalizedMessage.of(SYNC, "sync.lastResult", 3, 1, 0, 0, 2, 0, 0, 0, 1, 0).stored();

        var read = LocalizedMessage.fromStored(stored).orElseThrow();

        assertEquals("To Outlook: 3 created, 1 updated, 0 deleted, 0 recreated; to Business Central: 2 created, "
                + "0 updated; links: 0 made, 0 removed; 1 skipped, 0 conflicts", read.in(Locale.ENGLISH));
        assertEquals("Till Outlook: 3 skapade, 1 ändrade, 0 borttagna, 0 återskapade; till Business Central: "
                + "2 skapade, 0 ändrade; kopplingar: 0 gjorda, 0 borttagna; 1 överhoppade, 0 konflikter",
                read.in(Locale.forLanguageTag("sv")));
        assertEquals(List.of(3L, 1L, 0L, 0L, 2L, 0L, 0L, 0L, 1L, 0L), read.args(), "numbers stay numbers");
    }

    @Test
    void aTextStoredBeforeMessagesWereStoredIsNoMessage() {
        assertEquals(Optional.empty(), LocalizedMessage.fromStored("To Outlook: 3 created, 1 updated"));
        assertEquals(Optional.empty(), LocalizedMessage.fromStored(""));
    }

    @Test
    void partsFollowingEachOtherAreEachReadInTheReadersLanguageAndAnOldEnglishPartAsItIs() {
        var stored = LocalizedMessage.followedBy("Microsoft Graph: 404 ErrorInvalidUser",
                LocalizedMessage.of(SYNC, "job.codeunit.6700.paused", 5L).stored());

        assertTrue(LocalizedMessage.read(stored, Locale.forLanguageTag("sv")).startsWith("Microsoft Graph: 404 "
                + "ErrorInvalidUser Bakgrundssynkroniseringen för den här medarbetaren är nu pausad: synkroniseringen "
                + "misslyckades 5 gånger i rad."));
        assertEquals("Run once earlier, in English.", LocalizedMessage.read("Run once earlier, in English.",
                Locale.forLanguageTag("sv")));
    }

    @Test
    void aTextArgumentComesBackAsText() {
        var message = LocalizedMessage.of(SYNC, "sync.lastResult", "alice", 7L);

        assertEquals(message, LocalizedMessage.fromStored(message.stored()).orElseThrow());
    }

    @Test
    void aSeparatorInATextArgumentIsStoredAsASpaceAndPlainPartsAreFoundAmongStoredOnes() {
        var withSeparators = LocalizedMessage.of(SYNC, "sync.lastResult", "a\u001fb\u001ec");
        assertEquals(List.of("a b c"), LocalizedMessage.fromStored(withSeparators.stored()).orElseThrow().args());

        var stored = LocalizedMessage.followedBy("Microsoft Graph: 404",
                LocalizedMessage.of(SYNC, "job.codeunit.6700.paused", 5L).stored());
        assertEquals("Microsoft Graph: 404", LocalizedMessage.plainParts(stored));
    }

    @Test
    void anArgumentThatCannotBeStoredIsRefusedWhenStored() {
        var nested = LocalizedMessage.of(SYNC, "sync.lastResult", LocalizedMessage.of(SYNC, "sync.lastResult"));

        assertThrows(IllegalArgumentException.class, nested::stored);
    }
}
