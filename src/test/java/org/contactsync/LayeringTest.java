package org.contactsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arrows between the feature packages point down, as their package-info files state: the lower layers
 * ({@code contact}, {@code graph}, {@code jobqueue}) never import the features built on them, and only
 * {@code graph} and {@code sandbox} touch the Graph SDK and azure-identity. Read from the sources, so a wrong import
 * fails here rather than in a review.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/contactsync");

    private static List<String> importsIn(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith("import ")).map(line -> file + ": " + line).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> importsUnder(String packageDirectory) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDirectory))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> importsIn(file).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "graph, org.contactsync.sync", "graph, org.contactsync.exchange", "graph, org.contactsync.jobqueue",
        "contact, org.contactsync.sync", "contact, org.contactsync.graph", "contact, org.contactsync.exchange",
        "contact, org.contactsync.jobqueue",
        "jobqueue, org.contactsync.sync", "jobqueue, org.contactsync.exchange", "jobqueue, org.contactsync.graph",
        "jobqueue, org.contactsync.contact",
        "sync/plan, org.contactsync.exchange", "sync/plan, org.contactsync.jobqueue",
        "api, org.contactsync.contact", "api, org.contactsync.employee", "api, org.contactsync.jobqueue",
        "api, org.contactsync.sync", "api, org.contactsync.restapi",
        "platform, org.contactsync.api", "platform, org.contactsync.employee", "platform, org.contactsync.contact"})
    void aLowerLayerDoesNotImportAHigherOne(String packageDirectory, String higher) {
        List<String> imports = importsUnder(packageDirectory);
        assertFalse(imports.isEmpty(), "no sources read under " + packageDirectory);
        assertEquals(List.of(), imports.stream().filter(line -> line.contains(" " + higher + ".")).toList());
    }

    @ParameterizedTest(name = "only graph and sandbox import {0}")
    @CsvSource({"com.microsoft.graph.", "com.microsoft.kiota.", "com.azure."})
    void onlyGraphAndTheSandboxTouchTheGraphSdk(String sdk) throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES)) {
            List<String> outside = packages.filter(Files::isDirectory)
                    .filter(dir -> !List.of("graph", "sandbox").contains(dir.getFileName().toString()))
                    .flatMap(dir -> importsUnder(dir.getFileName().toString()).stream())
                    .filter(line -> line.contains(" " + sdk))
                    .toList();
            assertEquals(List.of(), outside);
        }
    }
}
