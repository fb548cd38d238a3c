package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The app asks the identity endpoint for a token once per token lifetime, not once per Graph request. */
class CachedTokenCredentialTest {

    private final AtomicInteger requests = new AtomicInteger();

    /** An identity endpoint issuing tokens that live {@code lifetime}, counting the requests. */
    private TokenCredential endpoint(Duration lifetime) {
        return context -> Mono.fromCallable(() -> new AccessToken("token-" + requests.incrementAndGet(),
                OffsetDateTime.now().plus(lifetime)));
    }

    private static TokenRequestContext graph() {
        return new TokenRequestContext().addScopes(NationalCloud.GLOBAL.scope()).setCaeEnabled(true);
    }

    @Test
    void aTokenIsReusedWhileItIsValid() {
        TokenCredential cached = new CachedTokenCredential(endpoint(Duration.ofHours(1)));

        for (int i = 0; i < 50; i++) {
            assertEquals("token-1", cached.getTokenSync(graph()).getToken());
        }
        assertEquals(1, requests.get());
    }

    @Test
    void aClaimsChallengeAlwaysGetsANewToken() {
        TokenCredential cached = new CachedTokenCredential(endpoint(Duration.ofHours(1)));
        cached.getTokenSync(graph());

        cached.getTokenSync(graph().setClaims("{\"access_token\":{\"nbf\":{\"essential\":true}}}"));
        cached.getTokenSync(graph().setClaims("{\"access_token\":{\"nbf\":{\"essential\":true}}}"));

        assertEquals(3, requests.get());
    }

    @Test
    void aRefusedTokenRequestIsReportedAsTheCredentialReportedIt() {
        TokenCredential refusing = context -> Mono.error(new ClientAuthenticationException("invalid_client", null));

        ClientAuthenticationException refused = assertThrows(ClientAuthenticationException.class,
                () -> new CachedTokenCredential(refusing).getTokenSync(graph()));
        assertEquals("invalid_client", refused.getMessage());
    }
}
