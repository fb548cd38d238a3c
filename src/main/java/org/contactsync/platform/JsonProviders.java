package org.contactsync.platform;

import jakarta.json.spi.JsonProvider;

/** The one JSON-P provider every builder, reader and value of the application comes from. */
public final class JsonProviders {

    /**
     * Looked up once: each {@code jakarta.json.Json.createXxx} call looks the provider up again through the
     * ServiceLoader, which under Payara scans the class path's jars (benchmark 4's profile: a tenth of the CPU time
     * of a sync, in the sandbox's and the engine's JSON); the JSON-P javadoc recommends keeping a provider.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
