package org.contactsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The built WAR's libraries and class-model markers (pom.xml, maven-antrun-plugin): the directories at the WAR's root,
 * each holding one empty file, that keep Payara from parsing a library of {@code WEB-INF/lib} into its class model
 * at deployment.
 */
public final class ClassModelMarkers {

    private static final String WAR = "target/contactsync.war";
    private static final String MARKER_PREFIX = "WEB-INF__lib__";

    private ClassModelMarkers() {
    }

    /** The markers' directories, e.g. {@code WEB-INF__lib__guava-33.5.0-jre_jar}. */
    public static List<String> directoriesInTheWar() {
        return markerEntries().map(name -> name.substring(0, name.indexOf('/'))).distinct().toList();
    }

    /** Every path of the markers a browser could ask for: the directories and the files in them. */
    public static List<String> pathsInTheWar() {
        return markerEntries().map(name -> name.endsWith("/") ? name.substring(0, name.length() - 1) : name)
                .distinct().toList();
    }

    private static Stream<String> markerEntries() {
        return entries().stream().filter(name -> name.startsWith(MARKER_PREFIX));
    }

    /** The library jars' entry names, e.g. {@code WEB-INF/lib/guava-33.5.0-jre.jar}. */
    public static List<String> librariesInTheWar() {
        return entries().stream().filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")).toList();
    }

    /**
     * The marker Payara looks for beside a library: the name of the directory the library would have been exploded
     * into (Payara 6's {@code ReadableArchiveScannerAdapter.handleJar}: slashes and spaces become "__", ".jar"
     * becomes "_jar").
     */
    public static String markerOf(String library) {
        return library.replaceAll("[/ ]", "__").replace(".jar", "_jar");
    }

    private static List<String> entries() {
        try (var war = new ZipFile(WAR)) {
            return war.stream().map(ZipEntry::getName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No readable " + WAR + ": run the tests through `mvn verify`", e);
        }
    }
}
