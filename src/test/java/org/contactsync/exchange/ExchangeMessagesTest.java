package org.contactsync.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.filter.FilterSyntaxException.Problem;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.junit.jupiter.api.Test;

/** Every text of the exchange pages exists in English and Swedish, and every outcome and filter problem has one. */
class ExchangeMessagesTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void englishAndSwedishHaveTheSameKeys() {
        var english = ResourceBundle.getBundle(ExchangeMessages.BUNDLE, Locale.ROOT);
        var swedish = ResourceBundle.getBundle(ExchangeMessages.BUNDLE, SWEDISH);
        assertEquals(english.keySet(), swedish.keySet());
        for (var key : english.keySet()) {
            if (!key.startsWith("filter.field.") && !key.equals("contactSync.matchCount.invalid")) {
                assertFalse(english.getString(key).equals(swedish.getString(key)) && english.getString(key).length() > 12,
                        key + " is translated");
            }
        }
    }

    @Test
    void everyOutcomeAndProblemHasAPlainWordsTextInBothLanguages() {
        for (var locale : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            for (var outcome : ConnectionCheckOutcome.values()) {
                var text = ExchangeMessages.of("check." + outcome.name()).in(locale);
                assertFalse(text.startsWith("check."), outcome + " in " + locale);
            }
            for (var problem : Problem.values()) {
                var text = ContactMessages.of("filter.problem." + problem.name()).in(locale);
                assertFalse(text.startsWith("filter.problem."), problem + " in " + locale);
            }
        }
        assertTrue(ExchangeMessages.of("check.WRONG_SECRET").in(Locale.ENGLISH).contains("the app's"),
                "apostrophes survive MessageFormat");
        var invalid = ContactMessages.of("filter.invalid", ExchangeMessages.of("filter.field.postCode"), "1..2..3",
                5, ContactMessages.of("filter.problem.UNCLOSED_QUOTE")).in(SWEDISH);
        assertEquals("Postnr: filtret \"1..2..3\" är ogiltigt: citattecknet som börjar här avslutas inte; skriv ' "
                + "inuti citattecken som '' (vid tecken 5).", invalid);
    }
}
