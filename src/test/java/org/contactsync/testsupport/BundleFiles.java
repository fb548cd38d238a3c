package org.contactsync.testsupport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A resource bundle's file itself, for tests that a key is in every language: a bundle looked up for "sv" would fall
 * back to English for a missing key.
 */
public final class BundleFiles {

    private BundleFiles() {
    }

    /** The contact bundle's file {@code messages.properties} or {@code messages_sv.properties}. */
    public static Properties contactMessages(String file) throws IOException {
        var messages = new Properties();
        try (var in = BundleFiles.class.getResourceAsStream("/org/contactsync/contact/web/" + file)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
