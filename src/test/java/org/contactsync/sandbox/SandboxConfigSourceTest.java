package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The sandbox points the Graph connection at itself only when it is on. */
class SandboxConfigSourceTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static final Properties WAR = properties("contactsync.sandbox.enabled", "false",
            "contactsync.sandbox.tenant", "contoso-sandbox",
            "contactsync.sandbox.apps", "1f6d8a1e-3b5c-4d0a-9f2e-7c4b1a2d3e5f:reader-secret:Contacts.Read,"
                    + "6731de76-14a6-49ae-97bc-6eba6914391e:sandbox-demo-secret:Contacts.ReadWrite");

    @Test
    void offItProvidesNothing() {
        SandboxConfigSource source = new SandboxConfigSource(Map.of(), properties(
                "sun.java.command", "payara-micro.jar --sslport 8681"), WAR);
        assertTrue(source.getPropertyNames().isEmpty());
        assertNull(source.getValue(SandboxConfigSource.ENDPOINT));
    }

    @Test
    void onItGivesItsHttpsEndpointsFromPayaraMicrosSslPortAndTheDemoApp() {
        SandboxConfigSource source = new SandboxConfigSource(Map.of(), properties(
                "contactsync.sandbox.enabled", "true",
                "sun.java.command", "target/payara-micro.jar --deploy target/contactsync.war --port 8580 --sslport 8681"),
                WAR);
        assertEquals("https://localhost:8681/sandbox/graph/v1.0", source.getValue("contactsync.graph.endpoint"));
        assertEquals("https://localhost:8681", source.getValue("contactsync.graph.authority-host"));
        assertEquals(SandboxSettings.tenantIdOf("contoso-sandbox"), source.getValue("contactsync.demo.graph.tenant-id"));
        assertEquals("6731de76-14a6-49ae-97bc-6eba6914391e", source.getValue("contactsync.demo.graph.client-id"),
                "the first app that may write contacts");
        assertEquals("sandbox-demo-secret", source.getValue("contactsync.demo.graph.client-secret"));
        assertTrue(source.getOrdinal() > 100 && source.getOrdinal() < 300);
    }

    @Test
    void anEnvironmentVariableSwitchesItOnAndAnExplicitPortWins() {
        SandboxConfigSource source = new SandboxConfigSource(
                Map.of("CONTACTSYNC_SANDBOX_ENABLED", "true", "CONTACTSYNC_SANDBOX_HTTPS_PORT", "9443"),
                properties("sun.java.command", "payara-micro.jar --sslport 8681"), WAR);
        assertEquals("https://localhost:9443/sandbox/graph/v1.0", source.getValue("contactsync.graph.endpoint"));
    }

    @Test
    void withoutAnHttpsPortTheEndpointsStayAsConfigured() {
        SandboxConfigSource source = new SandboxConfigSource(Map.of(), properties(
                "contactsync.sandbox.enabled", "true", "sun.java.command", "payara-micro.jar --port 8080"), WAR);
        assertNull(source.getValue("contactsync.graph.endpoint"));
        assertEquals("sandbox-demo-secret", source.getValue("contactsync.demo.graph.client-secret"));
    }
}
