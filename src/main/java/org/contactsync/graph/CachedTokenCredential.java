package org.contactsync.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A credential whose tokens are kept until shortly before they expire, one cache per kind of request (scopes, CAE,
 * tenant), by azure-core's {@link SimpleTokenCache}, which also lets concurrent callers share one refresh.
 *
 * <p>Why not MSAL's own cache alone: MSAL4J stores an access token under the authority's host without its port but
 * looks it up with the port (AzureAD/microsoft-authentication-library-for-java#529), so against an identity
 * endpoint on a port of its own, as the sandbox's is, every Graph request fetched a new token: 144 token requests
 * for one first sync of 100 contacts, all of them TLS handshakes and signatures in benchmark 4's profile. Against
 * Entra ID (no port in the authority) MSAL's cache works, and this one only saves its look-ups.
 *
 * <p>A request with claims (a Continuous Access Evaluation challenge) always goes to the credential: it asks for a
 * new token on purpose.
 */
final class CachedTokenCredential implements TokenCredential {

    private final TokenCredential credential;
    private final Map<List<Object>, SimpleTokenCache> caches = new ConcurrentHashMap<>();

    CachedTokenCredential(TokenCredential credential) {
        this.credential = credential;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        if (request.getClaims() != null) {
            return credential.getToken(request);
        }
        List<Object> kind = List.of(List.copyOf(request.getScopes()), request.isCaeEnabled(),
                Objects.toString(request.getTenantId(), ""));
        return caches.computeIfAbsent(kind, k -> new SimpleTokenCache(
                () -> Mono.fromCallable(() -> credential.getTokenSync(request)))).getToken();
    }
}
