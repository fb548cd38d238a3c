package org.contactsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The built WAR's libraries and class-model markers (pom.xml, maven-antrun-plugin): the files at the WAR's root that
 * keep Payara from parsing a library of {@code WEB-INF/lib} into its class model at deployment.
 */
public final class ClassModelMarkers {

    private static final String WAR = "target/contactsync.war";

    private ClassModelMarkers() {
    }

    /** The markers' entry names, e.g. {@code WEB-INF__lib__guava-33.5.0-jre_jar}. */
    public static List<String> inTheWar() {
        return entries(name -> name.startsWith("WEB-INF__lib__"));
    }

    /** The library jars' entry names, e.g. {@code WEB-INF/lib/guava-33.5.0-jre.jar}. */
    public static List<String> librariesInTheWar() {
        return entries(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"));
    }

    /**
     * The marker Payara looks for beside a library: the name of the directory the library would have been exploded
     * into (Payara 6's {@code ReadableArchiveScannerAdapter.handleJar}: slashes and spaces become "__", ".jar"
     * becomes "_jar").
     */
    public static String markerOf(String library) {
        return library.replaceAll("[/ ]", "__").replace(".jar", "_jar");
    }

    private static List<String> entries(Predicate<String> wanted) {
        try (var war = new ZipFile(WAR)) {
            return war.stream().map(ZipEntry::getName).filter(wanted).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No readable " + WAR + ": run the tests through `mvn verify`", e);
        }
    }
}
