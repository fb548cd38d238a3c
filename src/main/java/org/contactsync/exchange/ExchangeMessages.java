package org.contactsync.exchange;

import org.contactsync.platform.LocalizedMessage;

/** The exchange feature's texts (bundle {@code exchangeMsg} on the pages). */
public final class ExchangeMessages {

    public static final String BUNDLE = "org.contactsync.exchange.web.messages";

    private ExchangeMessages() {
    }

    public static LocalizedMessage of(String key, Object... args) {
        return LocalizedMessage.of(BUNDLE, key, args);
    }
}
