package org.contactsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Gives the Payara Micro containers of arquillian.xml the launch every other launcher uses,
 * {@code server-config/payara-micro.args}: its {@code -jar} as the container's {@code microJar}, its Payara Micro
 * arguments before the container's {@code extraMicroOptions}.
 *
 * <p>Needed because the Payara Micro container writes its own {@code java ... -jar JAR --deploy ...} command, so the
 * argfile cannot be handed to java as a whole (java expands an @argfile only before the jar); arquillian.xml has no
 * way to read a file.
 */
public class PayaraMicroLaunch implements LoadableExtension {

    static final Path ARGUMENTS = Path.of("server-config", "payara-micro.args");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Arguments.class);
    }

    /** Changes the descriptor before Arquillian builds its containers from it (hence the high precedence). */
    public static class Arguments {

        public void addTo(@Observes(precedence = 100) ArquillianDescriptor descriptor) {
            List<String> arguments = new ArrayList<>(argfile());
            int jar = arguments.indexOf("-jar");
            if (jar < 0 || jar + 1 >= arguments.size()) {
                throw new IllegalStateException(ARGUMENTS + " names no -jar JAR");
            }
            String microJar = arguments.get(jar + 1);
            arguments.subList(jar, jar + 2).clear();
            String micro = String.join(" ", arguments);
            descriptor.getGroups().stream().flatMap(group -> group.getGroupContainers().stream())
                    .forEach(container -> launch(container, microJar, micro));
            descriptor.getContainers().forEach(container -> launch(container, microJar, micro));
        }

        private static void launch(ContainerDef container, String microJar, String micro) {
            String extra = container.getContainerProperties().getOrDefault("extraMicroOptions", "");
            container.overrideProperty("microJar", microJar);
            container.overrideProperty("extraMicroOptions", (micro + " " + extra).strip());
        }

        /** The argfile's words: java's syntax less quoting, which it does not use (lines starting with # are comments). */
        private static List<String> argfile() {
            try {
                return Files.readAllLines(ARGUMENTS).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .flatMap(line -> Arrays.stream(line.split("\\s+")))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + ARGUMENTS.toAbsolutePath(), e);
            }
        }
    }
}
