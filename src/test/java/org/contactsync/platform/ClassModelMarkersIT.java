package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.contactsync.testsupport.ClassModelMarkers;
import org.junit.jupiter.api.Test;

/**
 * The built WAR keeps every library but PrimeFaces and OmniFaces out of the class model Payara builds at deployment
 * (start-up, issue 17; pom.xml says how): those two hold Faces components and CDI beans that deployment must find,
 * the others nothing it looks for.
 */
class ClassModelMarkersIT {

    private static final List<String> SCANNED = List.of("WEB-INF/lib/primefaces-", "WEB-INF/lib/omnifaces-");

    @Test
    void everyLibraryButPrimeFacesAndOmniFacesHasItsMarker() {
        var libraries = ClassModelMarkers.librariesInTheWar();
        var markers = ClassModelMarkers.directoriesInTheWar();
        assertTrue(libraries.stream().anyMatch(library -> library.startsWith("WEB-INF/lib/microsoft-graph-")),
                "the Graph SDK, the largest library, is in the WAR: " + libraries);

        var unmarked = libraries.stream().filter(library -> !isScanned(library))
                .filter(library -> !markers.contains(ClassModelMarkers.markerOf(library))).toList();
        var markedButScanned = libraries.stream().filter(ClassModelMarkersIT::isScanned)
                .filter(library -> markers.contains(ClassModelMarkers.markerOf(library))).toList();

        assertEquals(List.of(), unmarked, "libraries that Payara would parse at every start-up");
        assertEquals(List.of(), markedButScanned, "libraries whose Faces components and beans deployment would miss");
        assertEquals(2, libraries.stream().filter(ClassModelMarkersIT::isScanned).count(), "PrimeFaces and OmniFaces");
    }

    private static boolean isScanned(String library) {
        return SCANNED.stream().anyMatch(library::startsWith);
    }
}
