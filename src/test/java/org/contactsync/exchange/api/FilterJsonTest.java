package org.contactsync.exchange.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contactsync.exchange.FilterField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The filter in the API's JSON: named by Contact field, merged field by field, refusals named as the API names. */
class FilterJsonTest {

    private static final SyncFilter SAVED = new SyncFilter(Map.of(FilterField.TERRITORY_CODE, "NORTH",
            FilterField.CITY, "Stockholm"));

    @Test
    void everyFieldIsShownByItsContactFieldName() {
        var json = FilterJson.of(SAVED);

        assertEquals(FilterField.values().length, json.size());
        assertEquals("NORTH", json.get("territoryCode"));
        assertEquals("", json.get("postCode"), "a field that does not filter");
    }

    @Test
    void aChangeSetsTheFieldsGivenClearsEmptyOnesAndKeepsTheRest() {
        var changes = new HashMap<String, String>();
        changes.put("territoryCode", "SOUTH");
        changes.put("city", "");
        changes.put("postCode", null);

        var merged = FilterJson.merged(SAVED, changes);

        assertEquals(new SyncFilter(Map.of(FilterField.TERRITORY_CODE, "SOUTH")), merged);
        assertEquals(SAVED, FilterJson.merged(SAVED, Map.of()), "nothing given, nothing changed");
    }

    @Test
    void anUnknownFieldIsRefusedByItsName() {
        var refusal = assertThrows(ApplicationException.class,
                () -> FilterJson.merged(SAVED, Map.of("territory", "X", "city", "Y")));

        assertEquals(List.of("filter.territory"), refusal.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(ApplicationException.Kind.INVALID, refusal.kind());
    }

    @Test
    void theParsersRefusalsNameTheFieldAsTheApiDoes() {
        var refusal = assertThrows(ApplicationException.class,
                () -> new SyncFilter(Map.of(FilterField.POST_CODE, "1..2..3")).parse());
        var withFolder = new ApplicationException(refusal.kind(), refusal.userMessage(), List.of(
                refusal.fieldProblems().get(0), new FieldProblem("folderName", refusal.userMessage())));

        var renamed = FilterJson.withApiFieldNames(withFolder);

        assertEquals(List.of("filter.postCode", "folderName"),
                renamed.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(refusal.fieldProblems().get(0).message(), renamed.fieldProblems().get(0).message());
    }
}
