package org.contactsync.sandbox;

import jakarta.json.JsonObject;

/** The answer of the sandbox's token endpoint: a token (200) or Entra ID's OAuth error JSON (400/401). */
public record IdentityResponse(int status, JsonObject body) {
}
