package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Entra ID's client-credentials flow for the sandbox tenant ({@code POST /{tenant}/oauth2/v2.0/token}) and the
 * bearer-token check Graph does on every call. Tokens are JWTs like Entra's (clients treat them as opaque), signed
 * with a key that lives as long as the server; the sandbox trusts only its own tokens.
 */
public final class TokenService {

    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");
    private static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    /** The only resource in the sandbox tenant, by its application ID URI or its app id (Microsoft Graph's). */
    private static final Set<String> GRAPH_RESOURCES = Set.of(GRAPH_AUDIENCE, "00000003-0000-0000-c000-000000000000");
    private static final java.time.format.DateTimeFormatter ENTRA_TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SandboxSettings settings;
    private final Clock clock;
    private final byte[] signingKey = new byte[32];
    /** Raised to expire every token issued so far; tokens carry the generation they were issued in. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();

    /** Token requests answered so far, well-formed or not: Entra counts (and throttles) them too. */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    public TokenService(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        new SecureRandom().nextBytes(signingKey);
    }

    /** Handles a token request; {@code form} holds the decoded form parameters. */
    public IdentityResponse requestToken(String tenant, Map<String, String> form) {
        requests.incrementAndGet();
        if (!knowsTenant(tenant)) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        String grantType = form.getOrDefault("grant_type", "");
        if (grantType.isEmpty()) {
            return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType
                    + "'. The sandbox supports client_credentials only.");
        }
        String clientId = form.getOrDefault("client_id", "");
        if (clientId.isEmpty()) {
            return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        }
        Optional<SandboxApp> app = settings.apps().stream().filter(a -> a.clientId().equalsIgnoreCase(clientId)).findFirst();
        if (app.isEmpty()) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been "
                    + "installed by the administrator of the tenant or consented to by any user in the tenant. You may have "
                    + "sent your authentication request to the wrong tenant.");
        }
        String scope = form.getOrDefault("scope", "");
        if (scope.isEmpty()) {
            return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        }
        if (!isClientCredentialsScope(scope)) {
            return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client "
                    + "credential flows must have a scope value with /.default suffixed to the resource identifier "
                    + "(application ID URI).");
        }
        String resource = defaultScopeResource(scope);
        if (!GRAPH_RESOURCES.contains(resource.toLowerCase(java.util.Locale.ROOT))) {
            return error(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not "
                    + "found in the tenant named " + settings.tenant() + ". This can happen if the application has not "
                    + "been installed by the administrator of the tenant or consented to by any user in the tenant. You "
                    + "might have sent your authentication request to the wrong tenant.");
        }
        String secret = form.getOrDefault("client_secret", "");
        if (secret.isEmpty()) {
            return error(401, "invalid_client", 7000218, form.containsKey("client_assertion")
                    ? "The sandbox does not accept certificate credentials (client_assertion); use a client secret."
                    : "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!constantTimeEquals(secret, app.get().clientSecret())) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in "
                    + "the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + app.get().clientId() + "'.");
        }
        long lifetime = settings.tokenLifetime().toSeconds();
        return new IdentityResponse(200, JSON.createObjectBuilder()
                .add("token_type", "Bearer")
                .add("expires_in", lifetime)
                .add("ext_expires_in", lifetime)
                .add("access_token", issue(app.get()))
                .build());
    }

    /** Checks an {@code Authorization} header value the way Graph does; throws 401 with Graph's messages. */
    public AccessGrant authenticate(Optional<String> authorization) {
        String token = authorization.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).orElse("");
        if (token.isEmpty()) {
            throw unauthorized("Access token is empty.");
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw unauthorized("IDX14100: JWT is not well formed, there are no dots (.).");
        }
        if (!constantTimeEquals(parts[2], sign(parts[0] + "." + parts[1]))) {
            throw unauthorized("Access token validation failure. Invalid audience.");
        }
        JsonObject claims = parseClaims(parts[1]);
        Instant expires = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
        if (!clock.instant().isBefore(expires) || claims.getInt("sandbox_generation") < generation.get()) {
            throw unauthorized("Lifetime validation failed, the token is expired.");
        }
        Set<String> roles = new HashSet<>();
        claims.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).forEach(r -> roles.add(r.getString()));
        String clientId = claims.getString("appid");
        Set<String> scopedMailboxes = settings.apps().stream().filter(a -> a.clientId().equalsIgnoreCase(clientId))
                .findFirst().map(SandboxApp::scopedMailboxes).orElse(Set.of());
        return new AccessGrant(clientId, claims.getString("tid"), roles, scopedMailboxes);
    }

    /**
     * Client credentials need one {@code resource/.default} scope; MSAL adds the OpenID Connect scopes
     * ({@code openid profile offline_access}), which Entra accepts alongside.
     */
    private static boolean isClientCredentialsScope(String scope) {
        List<String> scopes = List.of(scope.trim().split("\\s+"));
        long defaults = scopes.stream().filter(s -> s.endsWith("/.default")).count();
        return defaults == 1 && scopes.stream().allMatch(s -> s.endsWith("/.default") || OIDC_SCOPES.contains(s));
    }

    /** The resource of the one {@code resource/.default} scope (checked by {@link #isClientCredentialsScope}). */
    private static String defaultScopeResource(String scope) {
        String defaultScope = List.of(scope.trim().split("\\s+")).stream().filter(s -> s.endsWith("/.default"))
                .findFirst().orElseThrow();
        return defaultScope.substring(0, defaultScope.length() - "/.default".length());
    }

    public long requestCount() {
        return requests.get();
    }

    /** Makes every token issued so far expired, so that tests can see what clients do with an expired token. */
    public void expireIssuedTokens() {
        generation.incrementAndGet();
    }

    private boolean knowsTenant(String tenant) {
        return tenant.equalsIgnoreCase(settings.tenant()) || tenant.equalsIgnoreCase(settings.tenantId());
    }

    private String issue(SandboxApp app) {
        long now = clock.instant().getEpochSecond();
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        app.roles().stream().sorted().forEach(roles::add);
        JsonObject header = JSON.createObjectBuilder().add("typ", "JWT").add("alg", "HS256").build();
        JsonObject claims = JSON.createObjectBuilder()
                .add("aud", GRAPH_AUDIENCE)
                .add("iss", "https://sts.windows.net/" + settings.tenantId() + "/")
                .add("iat", now).add("nbf", now).add("exp", now + settings.tokenLifetime().toSeconds())
                .add("appid", app.clientId())
                .add("tid", settings.tenantId())
                .add("roles", roles)
                .add("uti", UUID.randomUUID().toString())
                .add("sandbox_generation", generation.get())
                .build();
        String unsigned = encode(header.toString()) + "." + encode(claims.toString());
        return unsigned + "." + sign(unsigned);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject parseClaims(String part) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static GraphError unauthorized(String message) {
        return new GraphError(401, "InvalidAuthenticationToken", message).withHeader("WWW-Authenticate",
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                        + "client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    /** Entra ID's OAuth error body: error, AADSTS description with trace ids, error_codes, timestamp, error_uri. */
    private IdentityResponse error(int status, String error, int aadsts, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        // Entra's own format, e.g. "2026-01-31 09:15:02Z".
        String timestamp = ENTRA_TIMESTAMP.format(clock.instant().atOffset(java.time.ZoneOffset.UTC));
        return new IdentityResponse(status, JSON.createObjectBuilder()
                .add("error", error)
                .add("error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + traceId
                        + " Correlation ID: " + correlationId + " Timestamp: " + timestamp)
                .add("error_codes", JSON.createArrayBuilder(List.of(aadsts)))
                .add("timestamp", timestamp)
                .add("trace_id", traceId)
                .add("correlation_id", correlationId)
                .add("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts)
                .build());
    }
}
