package org.contactsync.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives container tests deploy: the real WAR that `mvn package` built, never a hand-picked subset. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive realWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/contactsync.war"));
    }
}
