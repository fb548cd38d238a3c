package org.contactsync.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The captions a Business Central user looks for, exactly as Business Central's UI and the article the product
 * starts from name them (shared/reference/seed-contact-sync-sv.md and seed-requirements-en.md): the article sends
 * users to these pages, actions and fields by name (issue 13, point 6).
 */
class BusinessCentralCaptionsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "sync.web.messages      | sync.action.sync                   | Sync with Microsoft 365              | Synka med Microsoft 365",
            "sync.web.messages      | sync.action.fullSync               | Full Sync with Microsoft 365         | Full synkronisering med Microsoft 365",
            "exchange.web.messages  | setup.title                        | Exchange Sync Setup                  | Konfigurering av Exchange-synkronisering",
            "exchange.web.messages  | nav.exchangeSetup                  | Exchange Sync Setup                  | Konfigurering av Exchange-synkronisering",
            "exchange.web.messages  | contactSync.title                  | Contact Sync Setup                   | Inställningar för kontaktsynkning",
            "exchange.web.messages  | setup.openContactSyncSetup         | Contact Sync Setup                   | Inställningar för kontaktsynkning",
            "jobqueue.web.messages  | card.title                         | Job Queue Entry Card                 | Transaktionskort för jobbkö",
            "jobqueue.web.messages  | field.objectType                   | Object Type to Run                   | Objekttyp som ska köras",
            "jobqueue.web.messages  | field.objectId                     | Object ID to Run                     | Objekt-ID som ska köras",
            "jobqueue.web.messages  | objectType.CODEUNIT                | Codeunit                             | Kodmodul",
            "employee.web.messages  | card.microsoft365Authentication    | Microsoft 365 Authentication         | Microsoft 365-autentisering",
    })
    void captionsAreBusinessCentralsInBothLanguages(String bundle, String key, String english, String swedish) {
        var name = "org.contactsync." + bundle;
        assertEquals(english, caption(name, Locale.ENGLISH, key));
        assertEquals(swedish, caption(name, SWEDISH, key));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "INCREMENTAL | Sync with Microsoft 365      | Synka med Microsoft 365",
            "FULL        | Full Sync with Microsoft 365 | Full synkronisering med Microsoft 365",
    })
    void theSyncLogNamesARunsModeAsTheActionThatStartsIt(String mode, String english, String swedish) {
        var name = "org.contactsync.sync.web.messages";
        assertEquals(english, caption(name, Locale.ENGLISH, "sync.mode." + mode));
        assertEquals(swedish, caption(name, SWEDISH, "sync.mode." + mode));
    }

    /** As the pages read it, whatever this JVM's default locale is. */
    private static String caption(String bundle, Locale locale, String key) {
        return ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
}
