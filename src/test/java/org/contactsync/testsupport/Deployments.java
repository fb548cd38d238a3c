package org.contactsync.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives container tests deploy: the real WAR that `mvn package` built, never a hand-picked subset. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The built WAR, deployed at the root context as the run command does (Payara Micro serves {@code ROOT.war} at
     * {@code /}), so that absolute paths in pages and tests are the ones users see.
     */
    public static WebArchive realWar() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File("target/contactsync.war"))
                .as(WebArchive.class);
    }
}
