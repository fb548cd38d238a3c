package org.contactsync.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warning about the sandbox admin key published in the README. */
class AdminKeyWarningTest {

    @Test
    void thePublishedKeyWithTheSandboxOnGetsAWarningThatSaysWhatToDo() {
        var warning = AdminKeyWarning.warning(true, "sandbox-admin-demo-key").orElseThrow();

        assertTrue(warning.contains("WARNING"), warning);
        assertTrue(warning.contains("contactsync.sandbox.admin-key"), "names the key to set");
        assertTrue(warning.contains("contactsync.sandbox.enabled=false"), "and how to switch the sandbox off");
    }

    @Test
    void aKeyOfYourOwnOrTheSandboxOffGetsNone() {
        assertEquals(Optional.empty(), AdminKeyWarning.warning(true, "9f2c1a7e4b3d8e6f0a5c2b9d"));
        assertEquals(Optional.empty(), AdminKeyWarning.warning(false, "sandbox-admin-demo-key"));
    }
}
