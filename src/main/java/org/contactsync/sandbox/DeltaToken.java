package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The state a delta link carries, opaque to clients (Graph says: copy the whole link, never build one). A round lists
 * the folder's changes with a change sequence in ({@code after}, {@code upTo}]; {@code cursor} is where the next page
 * starts. A delta token ({@code $deltatoken}) is a finished round: the next round starts after its {@code upTo}.
 *
 * @param folderId    the folder the round is about
 * @param syncState   the folder's sync-state generation the page that gave this token made; once the folder no
 *                    longer keeps it, the token gets 410
 * @param after       changes after this sequence belong to the round
 * @param upTo        the round's end, fixed when it began, so that a round always ends
 * @param cursor      the last sequence already returned in this round
 * @param initial     the first round of a sync: only what exists, no deletions
 * @param select      the round's {@code $select}, kept in the links as Graph keeps it
 * @param pageSize    the round's page size ({@code Prefer: odata.maxpagesize})
 */
record DeltaToken(String folderId, long syncState, long after, long upTo, long cursor, boolean initial, String select,
                  int pageSize) {

    String encode() {
        JsonObject json = JSON.createObjectBuilder()
                .add("f", folderId).add("g", syncState).add("a", after).add("u", upTo).add("c", cursor)
                .add("i", initial).add("s", select).add("n", pageSize).build();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static DeltaToken decode(String token) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return new DeltaToken(json.getString("f"), json.getJsonNumber("g").longValueExact(), json.getJsonNumber("a").longValue(),
                    json.getJsonNumber("u").longValue(), json.getJsonNumber("c").longValue(), json.getBoolean("i"),
                    json.getString("s"), json.getInt("n"));
        } catch (IllegalArgumentException | JsonException | NullPointerException | ClassCastException
                 | ArithmeticException e) {
            // Exchange's code for sync-state data it cannot read (EWS: "Synchronization state data is corrupt or
            // otherwise invalid"); what Graph answers for a garbled Outlook delta token is not documented.
            throw GraphError.badRequest("ErrorInvalidSyncStateData", "The sync state data is corrupt or otherwise invalid.");
        }
    }
}
