package org.contactsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.contactsync.testsupport.WaitsOutRealTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The app asks the identity endpoint for a token once per token lifetime, not once per Graph request, and for a new
 * one once it has expired.
 */
@WaitsOutRealTime
class CachedTokenCredentialTest {

    private final AtomicInteger requests = new AtomicInteger();

    /** An identity endpoint issuing tokens that live {@code lifetime}, counting the requests. */
    private TokenCredential endpoint(Duration lifetime) {
        return context -> Mono.fromCallable(() -> new AccessToken("token-" + requests.incrementAndGet(),
                OffsetDateTime.now().plus(lifetime)));
    }

    /**
     * The test's clock: the tokens of {@link #clockedEndpoint} expire by it. azure-core's cache reads the real clock
     * ({@code OffsetDateTime.now()}) and asks a token {@code isExpired()} and {@code getExpiresAt()}, so a token
     * answers those by this clock, mapped onto the real one: moving this clock on makes the token older at once.
     */
    private final AtomicReference<Instant> clock = new AtomicReference<>(Instant.parse("2026-12-04T09:00:00Z"));

    /** An identity endpoint issuing tokens that live {@code lifetime} by {@link #clock}, counting the requests. */
    private TokenCredential clockedEndpoint(Duration lifetime) {
        return context -> Mono.fromCallable(() -> new ClockedToken("token-" + requests.incrementAndGet(),
                clock.get().plus(lifetime)));
    }

    private final class ClockedToken extends AccessToken {
        private final Instant expiresAt;

        ClockedToken(String token, Instant expiresAt) {
            super(token, OffsetDateTime.now().plus(Duration.between(clock.get(), expiresAt)));
            this.expiresAt = expiresAt;
        }

        @Override
        public OffsetDateTime getExpiresAt() {
            return OffsetDateTime.now().plus(Duration.between(clock.get(), expiresAt));
        }

        @Override
        public OffsetDateTime getRefreshAt() {
            return getExpiresAt().minusMinutes(5);
        }

        @Override
        public Duration getDurationUntilExpiration() {
            return Duration.between(clock.get(), expiresAt);
        }

        @Override
        public boolean isExpired() {
            return !clock.get().isBefore(expiresAt);
        }
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

    /**
     * azure-core's cache asks for a new token at most once per 30 s of real time (SimpleTokenCache's refresh delay,
     * not settable from outside azure-core), so the request for token-2 waits out the rest of those 30 s.
     */
    @Test
    void anExpiredTokenIsReplacedByANewOneWhichIsThenReused() {
        TokenCredential cached = new CachedTokenCredential(clockedEndpoint(Duration.ofHours(1)));
        assertEquals("token-1", cached.getTokenSync(graph()).getToken());

        clock.set(clock.get().plus(Duration.ofMinutes(30)));
        assertEquals("token-1", cached.getTokenSync(graph()).getToken(), "half-way through its life");

        clock.set(clock.get().plus(Duration.ofMinutes(31)));
        assertEquals("token-2", cached.getTokenSync(graph()).getToken(), "after it expired");
        assertEquals("token-2", cached.getTokenSync(graph()).getToken());
        assertEquals(2, requests.get());
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
