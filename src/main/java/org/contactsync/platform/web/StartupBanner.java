package org.contactsync.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** Tells whoever started the server where to browse, once the web application is up. */
@WebListener
public class StartupBanner implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        var url = config.getValue("contactsync.public-url", String.class);
        var demo = config.getValue("contactsync.demo-data", Boolean.class);
        LOG.info(() -> "Contact Sync is ready: browse to " + url + "/"
                + (demo ? " and sign in with a demo user (see the README or the 'Demo users' line above)." : "."));
    }
}
