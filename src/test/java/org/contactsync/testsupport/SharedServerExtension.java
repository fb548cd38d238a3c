package org.contactsync.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro per container of arquillian.xml for all container test classes, instead of one per class.
 *
 * <p>The Payara Micro managed container starts a whole server for every deployment (about half a minute of CPU),
 * and every test class deploys the same real WAR ({@link Deployments#realWar()}). So the first deployment of an
 * archive to a container starts the server as usual; later classes deploying an archive of the same name to the
 * same container are handed that running server's address instead, and the server is stopped once, after the
 * last class. Test classes therefore share one application: each creates the data it needs under names of its
 * own (an employee of its own for syncing: {@link TestEmployee}), and puts back any server-wide setting it changes
 * (the sandbox's faults, limits and dispatch, background synchronization).
 *
 * <p>Hand-written because Arquillian has no such setting and its suite extension (arquillian-suite-extension) is
 * built for JUnit 4's runner; this observer uses only Arquillian's public SPI events.
 */
public class SharedServerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SharedServers.class);
    }

    /** The running deployments, by container and archive name; static because Arquillian makes observers anew. */
    public static class SharedServers {

        private static final Logger LOG = Logger.getLogger(SharedServers.class.getName());
        private static final Map<String, Running> RUNNING = new ConcurrentHashMap<>();

        private record Running(DeployableContainer<?> container, Archive<?> archive, ProtocolMetaData address) {
        }

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> address;

        /** Inside the deployment context Arquillian opens for the event (hence the low precedence). */
        public void deployOnce(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws Exception {
            var event = context.getEvent();
            var key = key(event.getDeployableContainer(), event.getDeployment());
            var running = RUNNING.get(key);
            if (running == null) {
                context.proceed();
                RUNNING.put(key, new Running(event.getDeployableContainer(),
                        event.getDeployment().getDescription().getArchive(), address.get()));
                return;
            }
            LOG.info(() -> "Reusing the server already running " + key);
            description.set(event.getDeployment().getDescription());
            deployment.set(event.getDeployment());
            address.set(running.address());
            event.getDeployment().deployed();
        }

        /** A class's end leaves the server to the next class. */
        public void keepRunning(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            context.getEvent().getDeployment().undeployed();
        }

        /** Before Arquillian stops its containers. */
        public void stopAll(@Observes(precedence = 100) AfterSuite event) throws Exception {
            for (var key : RUNNING.keySet()) {
                stop(key);
            }
        }

        private static void stop(String key) throws Exception {
            var running = RUNNING.remove(key);
            if (running != null) {
                running.container().undeploy(running.archive());
            }
        }

        private static String key(DeployableContainer<?> container, Deployment deployment) {
            return deployment.getDescription().getTarget().getName() + "/"
                    + deployment.getDescription().getArchive().getName() + "@" + System.identityHashCode(container);
        }
    }
}
