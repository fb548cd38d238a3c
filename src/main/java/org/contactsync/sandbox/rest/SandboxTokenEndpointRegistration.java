package org.contactsync.sandbox.rest;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.WebListener;
import org.contactsync.sandbox.SandboxSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * When the sandbox is on, maps {@link SandboxTokenServlet} at {@code /{tenant}/oauth2/v2.0/token} for the sandbox
 * tenant's name and directory id, open to anyone (clients authenticate with their secret). Registered in code because
 * the tenant comes from configuration; when the sandbox is off nothing is mapped.
 */
@WebListener
public class SandboxTokenEndpointRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        if (!config.getValue("contactsync.sandbox.enabled", Boolean.class)) {
            return;
        }
        String tenant = config.getValue("contactsync.sandbox.tenant", String.class);
        ServletRegistration.Dynamic token = event.getServletContext().addServlet("contactsync-sandbox-token",
                SandboxTokenServlet.class);
        token.addMapping("/" + tenant + "/oauth2/v2.0/token", "/" + SandboxSettings.tenantIdOf(tenant) + "/oauth2/v2.0/token");
        token.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement()));
    }
}
