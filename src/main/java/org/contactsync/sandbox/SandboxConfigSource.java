package org.contactsync.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When the sandbox is on, the Graph connection points at it: {@code contactsync.graph.endpoint} and
 * {@code contactsync.graph.authority-host} become the sandbox's HTTPS URLs, and {@code contactsync.demo.graph.*}
 * hold the demo tenant's app (the first app of {@code contactsync.sandbox.apps} with Contacts.ReadWrite). Ordinal
 * {@value #ORDINAL}: above the WAR's properties (100), below environment variables (300) and system properties (400),
 * so an operator can still point elsewhere.
 *
 * <p>Its inputs ({@code contactsync.sandbox.enabled}, {@code .tenant}, {@code .apps}, {@code .https-port}) are read
 * from system properties, environment variables and the WAR's {@code microprofile-config.properties} directly, as MP
 * Config's default sources would give them, because a config source must not ask the Config it is part of. The HTTPS
 * port is {@code contactsync.sandbox.https-port} when set, else Payara Micro's {@code --sslport} from the launch
 * command; without either the sandbox has no HTTPS listener and the keys are not provided.
 */
public class SandboxConfigSource implements ConfigSource {

    static final int ORDINAL = 200;
    static final String ENDPOINT = "contactsync.graph.endpoint";
    static final String AUTHORITY = "contactsync.graph.authority-host";
    static final String DEMO_TENANT = "contactsync.demo.graph.tenant-id";
    static final String DEMO_CLIENT = "contactsync.demo.graph.client-id";
    static final String DEMO_SECRET = "contactsync.demo.graph.client-secret";
    private static final Set<String> KEYS = Set.of(ENDPOINT, AUTHORITY, DEMO_TENANT, DEMO_CLIENT, DEMO_SECRET);
    private static final Pattern SSL_PORT_OPTION = Pattern.compile("(?:^|\\s)--sslport[\\s=]+(\\d+)");

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Properties warProperties;
    private volatile Map<String, String> values;

    public SandboxConfigSource() {
        this(System.getenv(), System.getProperties(), warProperties());
    }

    SandboxConfigSource(Map<String, String> environment, Properties systemProperties, Properties warProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.warProperties = warProperties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return KEYS.contains(propertyName) ? values().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "contactsync-sandbox";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /** Computed once: the inputs are start-up settings. */
    private Map<String, String> values() {
        Map<String, String> computed = values;
        if (computed == null) {
            computed = compute();
            values = computed;
        }
        return computed;
    }

    private Map<String, String> compute() {
        Map<String, String> provided = new HashMap<>();
        if (!Boolean.parseBoolean(input("contactsync.sandbox.enabled").orElse("false").strip())) {
            return Map.of();
        }
        httpsPort().ifPresent(port -> {
            String host = "https://localhost:" + port;
            provided.put(AUTHORITY, host);
            provided.put(ENDPOINT, host + "/sandbox/graph/v1.0");
        });
        String tenant = input("contactsync.sandbox.tenant").orElse(SandboxSettings.demo().tenant()).strip();
        provided.put(DEMO_TENANT, SandboxSettings.tenantIdOf(tenant));
        List<SandboxApp> apps = input("contactsync.sandbox.apps")
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(SandboxApp::parse).toList())
                .orElse(SandboxSettings.demo().apps());
        apps.stream().filter(app -> app.roles().contains("Contacts.ReadWrite")).findFirst().ifPresent(app -> {
            provided.put(DEMO_CLIENT, app.clientId());
            provided.put(DEMO_SECRET, app.clientSecret());
        });
        return Map.copyOf(provided);
    }

    private Optional<String> httpsPort() {
        Optional<String> configured = input("contactsync.sandbox.https-port").map(String::strip).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            return configured;
        }
        Matcher option = SSL_PORT_OPTION.matcher(systemProperties.getProperty("sun.java.command", ""));
        return option.find() ? Optional.of(option.group(1)) : Optional.empty();
    }

    /** A key as MP Config's default sources resolve it: system property, environment variable, the WAR's file. */
    Optional<String> input(String key) {
        String fromSystem = systemProperties.getProperty(key);
        if (fromSystem != null) {
            return Optional.of(fromSystem);
        }
        String sanitized = key.replaceAll("[^A-Za-z0-9_]", "_");
        for (String name : List.of(key, sanitized, sanitized.toUpperCase(Locale.ROOT))) {
            if (environment.containsKey(name)) {
                return Optional.of(environment.get(name));
            }
        }
        return Optional.ofNullable(warProperties.getProperty(key));
    }

    private static Properties warProperties() {
        Properties properties = new Properties();
        try (InputStream in = SandboxConfigSource.class.getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
